"""Shoot follow-up, framework-free: call sheets (feuille de service), daily production
reports and progress, the rushes and takes log (ALE, Resolve CSV, EDL, OTIO), media
backups and the project plan. The web app and the CLI only adapt these modules."""
