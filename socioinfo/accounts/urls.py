from django.urls import path

from socioinfo.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.account, name="account"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("password/reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("password/reset/sent/", views.PasswordResetSentView.as_view(), name="password_reset_sent"),
    path(
        "password/reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/",
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("password/change/", views.password_change, name="password_change"),
    path("second-factor/", views.second_factor, name="second_factor"),
    path("second-factor/setup/", views.second_factor_setup, name="second_factor_setup"),
    path("second-factor/backup-codes/", views.backup_codes, name="backup_codes"),
    path("invitations/", views.invitations, name="invitations"),
    path("invitations/<uuid:pk>/revoke/", views.revoke_invitation, name="revoke_invitation"),
    path("invitation/<str:token>/", views.accept_invitation, name="accept_invitation"),
]
