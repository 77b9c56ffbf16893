from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.register("claims", views.ClaimViewSet, basename="claim")
router.register("topics", views.TopicViewSet, basename="topic")
router.register("speakers", views.SpeakerViewSet, basename="speaker")
router.register("interviews", views.InterviewViewSet, basename="interview")
router.register("predictions", views.PredictionViewSet, basename="prediction")

urlpatterns = router.urls + [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="docs"),
]
