"""Natural-key lookups, so fixtures move between databases without primary keys."""
from django.db import models


class SlugManager(models.Manager):
    """Speaker, Topic and Interview are identified by their slug."""

    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class SlugOrFormerSlugManager(SlugManager):
    """Speaker and Topic: a slug they had before a merge or a rename still names them, so a fixture
    exported before it loads onto the record kept (Django's deserializer resolves natural keys here).
    A current slug wins over a former one."""

    def get_by_natural_key(self, slug):
        try:
            return self.get(slug=slug)
        except self.model.DoesNotExist:
            return self.get(former_slugs__slug=slug)


class FormerSlugManager(models.Manager):
    """A former slug is identified by itself (never by the slug it now leads to)."""

    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class InterviewPartManager(models.Manager):
    """Turns and chapters are identified by (interview slug, index)."""

    def get_by_natural_key(self, interview_slug, index):
        return self.get(interview__slug=interview_slug, index=index)


class ParticipationManager(models.Manager):
    """A participation is identified by (interview slug, speaker slug)."""

    def get_by_natural_key(self, interview_slug, speaker_slug):
        return self.get(interview__slug=interview_slug, speaker__slug=speaker_slug)


class ClaimManager(models.Manager):
    """A claim is identified by its interview and its span: (interview slug, start_char, end_char)."""

    def get_by_natural_key(self, interview_slug, start_char, end_char):
        return self.get(interview__slug=interview_slug, start_char=start_char, end_char=end_char)


class PredictionManager(models.Manager):
    """A prediction is identified by its claim's natural key."""

    def get_by_natural_key(self, interview_slug, start_char, end_char):
        return self.get(
            claim__interview__slug=interview_slug,
            claim__start_char=start_char,
            claim__end_char=end_char,
        )
