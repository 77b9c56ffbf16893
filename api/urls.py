from django.urls import path, re_path
from drf_spectacular.views import SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.register("claims", views.ClaimViewSet, basename="claim")
router.register("topics", views.TopicViewSet, basename="topic")
router.register("speakers", views.SpeakerViewSet, basename="speaker")
router.register("interviews", views.InterviewViewSet, basename="interview")
router.register("predictions", views.PredictionViewSet, basename="prediction")

urlpatterns = router.urls + [
    path("schema/", views.SchemaView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="docs"),
    # Last: any other /api/.../ path (a claim id that is not a number, a misspelt endpoint) is a JSON
    # 404, not Django's HTML page. Only paths ending in "/", so APPEND_SLASH still redirects /api/claims.
    re_path(r"^.*/$", views.api_not_found),
]
