app_name = "carbon"
urlpatterns: list = []
