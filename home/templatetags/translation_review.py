"""The translation editor's review box (templates/wagtail_localize/admin/edit_translation.html)."""

from django import template

from home import localize

register = template.Library()


@register.simple_tag(takes_context=True)
def translation_review(context, translation, instance):
    return localize.review_state(context["request"].user, translation, instance)
