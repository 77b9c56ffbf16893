"""Django's loaddata, made strict: unknown references and duplicates stop the load with a clear
error, and every loaded claim is checked before the transaction commits."""
from django.core.management.base import CommandError
from django.core.management.commands import loaddata

from claims.dataset import claims_invalid
from claims.models import Claim


class Command(loaddata.Command):
    help = (
        loaddata.Command.help
        + " Unknown references, duplicate rows and claims whose quote is not at its offsets"
        " stop the load and leave the database as it was."
    )

    def loaddata(self, fixture_labels):
        self.loaded_claim_ids = []
        self.seen_keys = set()
        super().loaddata(fixture_labels)
        problems = claims_invalid(self.loaded_claim_ids)
        if problems:
            shown = "\n".join(problems[:20])
            more = f"\n... and {len(problems) - 20} more" if len(problems) > 20 else ""
            raise CommandError(f"{len(problems)} invalid claim(s); nothing was loaded:\n{shown}{more}")

    def save_obj(self, obj):
        row = obj.object
        label = row._meta.label_lower
        key = row.natural_key() if hasattr(row, "natural_key") else row.pk
        for field, value in obj.deferred_fields.items():
            # A required reference that is still unknown can never be saved: say which one.
            if not field.many_to_many and not field.null:
                raise CommandError(
                    f"{label} {key}: unknown {field.related_model._meta.model_name} {value!r}"
                )
        if key is not None:
            if (label, key) in self.seen_keys:
                raise CommandError(f"duplicate {label} {key}")
            self.seen_keys.add((label, key))
        saved = super().save_obj(obj)
        if saved and isinstance(row, Claim):
            self.loaded_claim_ids.append(row.pk)
        return saved
