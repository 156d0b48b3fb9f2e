app_name = "screenplay"
urlpatterns: list = []
