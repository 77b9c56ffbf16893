"""Django's loaddata, made strict: unknown references and duplicates stop the load with a clear
error, and every loaded claim is checked before the transaction commits."""
from django.core.management.base import CommandError
from django.core.management.commands import loaddata

from claims.bulk import (
    former_slug_current_message,
    former_slug_defined_message,
    merged_parts_message,
)
from claims.dataset import claims_invalid
from claims.models import Claim, Participation
from claims.selectors import FORMER_SLUGS, slug_current

OWNER_OF_FORMER = {former: (model, owner) for model, (former, owner) in FORMER_SLUGS.items()}


class FixtureRefused(Exception):
    """A row the load refuses; Django's load_label puts the fixture file's name in front of the message."""


class Command(loaddata.Command):
    help = (
        loaddata.Command.help
        + " Unknown references, duplicate rows and claims whose quote is not at its offsets"
        " stop the load and leave the database as it was. A speaker or topic named by a slug it had"
        " before a merge or a rename is the one it went into."
    )

    def loaddata(self, fixture_labels):
        self.loaded_claim_ids = []
        self.seen_keys = set()
        self.roles = {}  # participation natural key -> role
        super().loaddata(fixture_labels)
        problems = claims_invalid(self.loaded_claim_ids)
        if problems:
            shown = "\n".join(problems[:20])
            more = f"\n... and {len(problems) - 20} more" if len(problems) > 20 else ""
            raise CommandError(f"{len(problems)} invalid claim(s); nothing was loaded:\n{shown}{more}")

    def load_label(self, fixture_label):
        try:
            super().load_label(fixture_label)
        except FixtureRefused as refused:  # its message now starts "Problem installing fixture '<file>': "
            raise CommandError(str(refused)) from None

    def save_obj(self, obj):
        row = obj.object
        label = row._meta.label_lower
        key = row.natural_key() if hasattr(row, "natural_key") else row.pk
        for field, value in obj.deferred_fields.items():
            # A required reference that is still unknown can never be saved: say which one.
            if not field.many_to_many and not field.null:
                raise FixtureRefused(f"{label} {key}: unknown {field.related_model._meta.model_name} {value!r}")
        if isinstance(row, Participation) and self._participation_merged(row, key):
            return False
        if key is not None:
            if (label, key) in self.seen_keys:
                raise FixtureRefused(f"duplicate {label} {key}")
            self.seen_keys.add((label, key))
        self._refuse_slug_clash(row)
        saved = super().save_obj(obj)
        if saved and isinstance(row, Claim):
            self.loaded_claim_ids.append(row.pk)
        return saved

    def _participation_merged(self, participation: Participation, key) -> bool:
        """Whether the interview already has this part for this speaker, named by another slug in the
        fixture: two speakers merged since the export; one participation stays, as in speaker_merge. (The
        deserializer keeps no slug as written: two rows naming a speaker with former slugs are taken for that.)"""
        role = self.roles.setdefault(key, participation.role)
        if ("claims.participation", key) not in self.seen_keys or not participation.speaker.former_slugs.exists():
            return False
        if role != participation.role:
            raise FixtureRefused(merged_parts_message(key[0], key[1], role, participation.role))
        return True

    @staticmethod
    def _refuse_slug_clash(row) -> None:
        """A speaker or topic defined under another's former slug: its natural key found the record kept,
        which saving would overwrite with the stale row. A former slug that is a row's current slug would
        name two rows."""
        model = type(row)
        noun = model._meta.model_name
        if model in FORMER_SLUGS:
            holder = slug_current(model, row.slug)
            if holder is not None:
                raise FixtureRefused(former_slug_defined_message(noun, row.slug, holder))
        elif model in OWNER_OF_FORMER:
            owner_model, owner = OWNER_OF_FORMER[model]
            if owner_model._default_manager.filter(slug=row.slug).exists():
                raise FixtureRefused(former_slug_current_message(owner, row.slug, getattr(row, owner).slug))
