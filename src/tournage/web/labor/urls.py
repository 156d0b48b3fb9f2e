app_name = "labor"
urlpatterns: list = []
