"""Productions, members and roles, people and locations: the foundation every domain hangs on."""
