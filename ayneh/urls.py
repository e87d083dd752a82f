from django.conf import settings
from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import URLPattern, URLResolver, include, path
from django.views.static import serve

urlpatterns: list[URLPattern | URLResolver] = [
    path("admin/", admin.site.urls),
    path("accounts/", include("ayneh.accounts.urls")),
    path("panel/", include("ayneh.newsroom.urls")),
    path("evaluation/", include("ayneh.evaluation.urls")),
    path("monitoring/", include("ayneh.monitoring.urls")),
    path("", include("ayneh.public.urls")),
]

# Uploaded photos of published releases are public; drafts' files are served through the newsroom's
# scoped views. The embedded default serves media itself (no separate web server on an offline network).
urlpatterns += [
    path(
        f"{settings.MEDIA_URL.strip('/')}/public/<path:path>",
        login_not_required(serve),
        {"document_root": settings.MEDIA_ROOT / "public"},
    )
]
