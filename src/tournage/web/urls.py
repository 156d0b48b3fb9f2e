from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView

# Each domain app is mounted under its production: /p/<production_id>/<segment>/.
DOMAIN_SEGMENTS = {
    "screenplay": "script",
    "scheduling": "schedule",
    "budget": "budget",
    "carbon": "carbon",
    "labor": "teams",
    "delivery": "delivery",
    "accessibility": "accessibility",
}

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="productions:list"), name="home"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include("tournage.web.productions.urls")),
    *(
        path(f"p/<int:production_id>/{segment}/", include(f"tournage.web.{app}.urls"))
        for app, segment in DOMAIN_SEGMENTS.items()
    ),
]
