"""Topics: the taxonomy as a tree with claim counts, and merging one topic into another."""
from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Case, Count, IntegerField, Value, When
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html

from claims.dataset import topics_in_tree_order
from claims.models import Claim, Topic, TopicFormerSlug
from claims.selectors import related_count, topic_subtree_ids
from claims.services import topic_update, topics_merge

from .common import ADMIN_CSS, FormerSlugInline, FormerSlugsAdmin, HistoryAdmin, confirmation_context, plural


class MergeForm(forms.Form):
    target = forms.ModelChoiceField(
        queryset=Topic.objects.all(), label="merge into",
        help_text="The selected topics disappear; their claims, subtopics and keywords move to this one.",
    )


def _tree() -> tuple[dict[int, int], dict[int, int]]:
    """Each topic's depth in the tree, and the claim count of each subtree."""
    ordered = topics_in_tree_order()
    depth: dict[int, int] = {}
    for topic in ordered:
        depth[topic.pk] = depth[topic.parent_id] + 1 if topic.parent_id in depth else 0
    direct = dict(Topic.objects.annotate(n=Count("claims")).values_list("pk", "n"))
    tree = [(topic.pk, topic.parent_id) for topic in ordered]
    # Distinct claims in a subtree: a claim tagged with a topic and its subtopic counts once. Counted
    # by the database for each topic with subtopics (reading every link into Python took 0.5 s at
    # 200,000 claims, on every topic page).
    subtree = dict(direct)
    links = Claim.topics.through.objects
    for topic in ordered:
        below = topic_subtree_ids([topic], tree=tree)
        if len(below) > 1:
            subtree[topic.pk] = links.filter(topic_id__in=below).values("claim_id").distinct().count()
    return depth, subtree


def _case(values: dict[int, int], default: int = 0) -> Case | Value:
    if not values:
        return Value(default, output_field=IntegerField())
    return Case(*[When(pk=pk, then=Value(value)) for pk, value in values.items()],
                default=Value(default), output_field=IntegerField())


class TopicFormerSlugInline(FormerSlugInline):
    model = TopicFormerSlug


@admin.register(Topic)
class TopicAdmin(FormerSlugsAdmin, HistoryAdmin):
    list_display = ("tree_name", "slug", "claim_count", "subtree_count", "keyword_list")
    list_display_links = ("tree_name",)
    search_fields = ("name", "slug")
    autocomplete_fields = ("parent",)
    prepopulated_fields = {"slug": ("name",)}
    actions = ("merge_topics",)
    list_per_page = 200
    former_slug_inline = TopicFormerSlugInline
    update_service = staticmethod(topic_update)

    class Media:
        css = {"all": ADMIN_CSS}

    def get_queryset(self, request):
        # The tree is small (tens of topics): its order, depths and subtree counts ride along as
        # CASE annotations, so the list needs no per-row queries.
        depth, subtree = _tree()
        return super().get_queryset(request).annotate(
            n_claims=related_count(Claim.topics.through, "topic"),
            tree_depth=_case(depth),
            subtree_claims=_case(subtree),
        )

    def get_ordering(self, request):
        # Also orders the topic choices of other admins' forms, so it is an expression, not an annotation.
        ordered = topics_in_tree_order()
        return (_case({topic.pk: i for i, topic in enumerate(ordered)}, default=len(ordered)).asc(), "slug")

    @admin.display(description="topic")
    def tree_name(self, topic):
        level = getattr(topic, "tree_depth", 0) or 0
        return format_html('<span class="claims-tree" style="padding-left:{}em">{}{}</span>',
                           1.5 * level, "└ " if level else "", topic.name)

    @admin.display(description="claims", ordering="n_claims")
    def claim_count(self, topic):
        url = reverse("admin:claims_claim_changelist") + f"?topics__id__exact={topic.pk}"
        return format_html('<a href="{}">{}</a>', url, topic.n_claims)

    @admin.display(description="with subtopics", ordering="subtree_claims")
    def subtree_count(self, topic):
        url = reverse("admin:claims_claim_changelist") + f"?topic={topic.slug}"
        return format_html('<a href="{}">{}</a>', url, getattr(topic, "subtree_claims", 0) or 0)

    @admin.display(description="keywords")
    def keyword_list(self, topic):
        words = topic.keywords or []
        shown = ", ".join(words[:6])
        return shown + (f" (+{len(words) - 6})" if len(words) > 6 else "")

    @admin.action(description="Merge selected topics into another topic", permissions=["change"])
    def merge_topics(self, request, queryset):
        form = MergeForm(request.POST if request.POST.get("post") == "yes" else None)
        if form.is_bound and form.is_valid():
            target = form.cleaned_data["target"]
            # the target alone selected: the service's refusal says why
            sources = list(queryset.exclude(pk=target.pk).order_by("slug")) or [target]
            try:
                results = topics_merge(sources=sources, target=target)
            except ValidationError as error:
                self.message_user(request, f"Nothing was merged: {' '.join(error.messages)}", messages.ERROR)
                return None
            for source, result in results:
                details = f"{plural(result.claims_moved, 'claim')} moved"
                if result.claims_already_tagged:
                    details += f", {result.claims_already_tagged} already had “{target.name}”"
                if result.children_moved:
                    details += f", {plural(result.children_moved, 'subtopic')} moved under it"
                self.message_user(request, f"Merged “{source.name}” into “{target.name}”: {details}.", messages.SUCCESS)
            return None
        context = confirmation_context(self, request, queryset, action="merge_topics", title="Merge topics")
        context |= {"form": form, "preview": queryset.annotate(n=Count("claims")).order_by("slug")}
        return TemplateResponse(request, "admin/claims/topic/merge_confirm.html", context)
