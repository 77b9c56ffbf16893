"""Speakers: searchable for autocomplete, with their claim and interview counts, and merging one into another."""
from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html

from claims.models import Claim, Participation, Speaker, SpeakerFormerSlug, Turn
from claims.selectors import related_count
from claims.services import speaker_update, speakers_merge

from .common import ADMIN_CSS, FormerSlugInline, FormerSlugsAdmin, HistoryAdmin, confirmation_context, plural

PARTS_SHOWN = 5  # interviews named per speaker on the confirmation page; a named person may have hundreds


class SpeakerMergeForm(forms.Form):
    target = forms.ModelChoiceField(
        queryset=Speaker.objects.all(), label="merge into",
        help_text="One of the selected speakers or any other (type a name or a slug). It stays; the others "
                  "disappear into it.",
    )

    def __init__(self, *args, admin_site, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["target"]
        # Speakers run to thousands (every diarised file brings its own "Speaker 1"): searched, not listed.
        field.widget = AutocompleteSelect(Claim._meta.get_field("speaker"), admin_site)
        field.widget.choices = field.choices


def _claim_list_url(speaker: Speaker) -> str:
    return reverse("admin:claims_claim_changelist") + f"?speaker__id__exact={speaker.pk}"


class SpeakerFormerSlugInline(FormerSlugInline):
    model = SpeakerFormerSlug


@admin.register(Speaker)
class SpeakerAdmin(FormerSlugsAdmin, HistoryAdmin):
    list_display = ("name", "slug", "affiliation", "claim_count", "interview_count")
    search_fields = ("name", "slug", "affiliation")
    prepopulated_fields = {"slug": ("name",)}
    ordering = ("name", "slug")
    actions = ("merge_speakers",)
    former_slug_inline = SpeakerFormerSlugInline
    update_service = staticmethod(speaker_update)

    class Media:
        css = {"all": ADMIN_CSS}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(
            n_claims=related_count(Claim, "speaker"), n_interviews=related_count(Participation, "speaker")
        )

    @admin.display(description="claims", ordering="n_claims")
    def claim_count(self, speaker):
        return format_html('<a href="{}">{}</a>', _claim_list_url(speaker), speaker.n_claims)

    @admin.display(description="interviews", ordering="n_interviews")
    def interview_count(self, speaker):
        return speaker.n_interviews

    def has_merge_permission(self, request):
        # an action's listed permissions are alternatives (any one suffices); a merge changes one speaker and deletes the rest
        return self.has_change_permission(request) and self.has_delete_permission(request)

    @admin.action(description="Merge selected speakers into …", permissions=["merge"])
    def merge_speakers(self, request, queryset):
        form = SpeakerMergeForm(request.POST if request.POST.get("post") == "yes" else None, admin_site=self.admin_site)
        if form.is_bound and form.is_valid():
            target = form.cleaned_data["target"]
            # the target alone selected: the service's refusal says why
            sources = list(queryset.exclude(pk=target.pk).order_by("slug")) or [target]
            try:
                results = speakers_merge(sources=sources, target=target)
            except ValidationError as error:
                self.message_user(request, f"Nothing was merged: {' '.join(error.messages)}", messages.ERROR)
                return None
            for source, result in results:
                moved = (f"{plural(result.claims, 'claim')}, {plural(result.turns, 'turn')} and "
                         f"{plural(result.interviews, 'interview')} moved")
                self.message_user(request, format_html(
                    'Merged “{}” ({}) into <a href="{}">“{}”</a>: {}.',
                    source.name, source.slug, _claim_list_url(target), target.name, moved), messages.SUCCESS)
            return None
        preview = list(queryset.annotate(n_turns=related_count(Turn, "speaker")).order_by("slug"))
        parts: dict[int, list[str]] = {}
        for speaker_id, slug, role in (Participation.objects.filter(speaker__in=[s.pk for s in preview])
                                       .order_by("interview__slug").values_list("speaker_id", "interview__slug", "role")):
            parts.setdefault(speaker_id, []).append(f"{slug} ({role})")
        for speaker in preview:
            shown = parts.get(speaker.pk, [])
            speaker.parts = ", ".join(shown[:PARTS_SHOWN]) + (", …" if len(shown) > PARTS_SHOWN else "")
        context = confirmation_context(self, request, queryset, action="merge_speakers", title="Merge speakers")
        context |= {"form": form, "media": self.media + form.media, "preview": preview}
        return TemplateResponse(request, "admin/claims/speaker/merge_confirm.html", context)
