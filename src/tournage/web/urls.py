from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView

from tournage.web.plugins import domain_configs

# A form whose fields outgrow DATA_UPLOAD_MAX_MEMORY_SIZE answers 413, like a large file.
handler400 = "tournage.web.security.views.bad_request"

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="productions:list"), name="home"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    # the invitation's link: a new member chooses a password (single-use token)
    path(
        "accounts/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "accounts/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include("tournage.web.productions.urls")),
    # Each domain is mounted under its production: /p/<production_id>/<segment>/.
    *(
        path(f"p/<int:production_id>/{config.segment}/", include(f"{config.name}.urls"))
        for config in domain_configs()
    ),
]
