from django.conf import settings


def portal(request):
    """Values every public template needs; cheap, no database access."""
    return {"PORTAL_SOURCE_LANGUAGE": settings.LANGUAGE_CODE}
