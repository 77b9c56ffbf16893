"""Speakers: searchable for autocomplete, with their claim and interview counts."""
from django.contrib import admin
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from claims.models import Speaker


@admin.register(Speaker)
class SpeakerAdmin(SimpleHistoryAdmin):
    list_display = ("name", "slug", "affiliation", "claim_count", "interview_count")
    search_fields = ("name", "slug", "affiliation")
    prepopulated_fields = {"slug": ("name",)}
    ordering = ("name", "slug")

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(
            n_claims=Count("claims", distinct=True), n_interviews=Count("participations", distinct=True)
        )

    @admin.display(description="claims", ordering="n_claims")
    def claim_count(self, speaker):
        url = reverse("admin:claims_claim_changelist") + f"?speaker__id__exact={speaker.pk}"
        return format_html('<a href="{}">{}</a>', url, speaker.n_claims)

    @admin.display(description="interviews", ordering="n_interviews")
    def interview_count(self, speaker):
        return speaker.n_interviews
