"""Engagement examples on other apps' pages: a partner's page and a resource's page list the examples that
link to them, in the visitor's language (German aliases where an example is not translated)."""

from django import template
from django.utils import translation
from django.utils.translation import gettext as _

from catalogue.models import Resource
from home.listing import public_pages
from partners.models import PartnerOrganisation

from ..models import EngagementExamplePage

register = template.Library()

MAX_LINKED = 12


def examples_linking(obj, language):
    """Live, public examples in `language` that name `obj` (a partner organisation or a resource), newest
    first, in one query. Matched by translation key: a translated example may still point at the German
    version of the partner or resource."""
    if isinstance(obj, PartnerOrganisation):
        lookup = "partners__translation_key"
    elif isinstance(obj, Resource):
        lookup = "resources__translation_key"
    else:
        return []
    examples = public_pages(EngagementExamplePage.objects.filter(locale__language_code=language))
    return list(
        examples.filter(**{lookup: obj.translation_key})
        .select_related("locale", "alias_of__locale")
        .distinct()
        .order_by("-year", "title")[:MAX_LINKED]
    )


@register.inclusion_tag("engagement/includes/linked_examples.html", takes_context=True)
def engagement_examples_for(context, obj):
    """`{% engagement_examples_for partner %}`: the section "Engagement examples", or nothing."""
    language = translation.get_language()
    examples = examples_linking(obj, language) if getattr(obj, "pk", None) else []
    for example in examples:
        example.__dict__["content_language"] = (
            example.alias_of.locale.language_code if example.alias_of_id else example.locale.language_code
        )
    if isinstance(obj, PartnerOrganisation):
        heading = _("Engagement examples with this partner")
    else:
        heading = _("Engagement examples with this resource")
    return {
        "request": context.get("request"),
        "examples": examples,
        "heading": heading,
        "heading_id": "linked-examples",
    }
