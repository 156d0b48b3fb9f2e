app_name = "accessibility"
urlpatterns: list = []
