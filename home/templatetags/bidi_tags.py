"""Template helpers for mixed-direction text (see `home/bidi.py` for the rule they serve).

{% load bidi_tags %}
{{ resource_request.email|ltr }}            <bdi dir="ltr">…</bdi>  (also inside blocktranslate's `with`)
{{ partner.name|isolate }}                  <bdi>…</bdi>
{% if not forloop.last %}{% list_sep %}{% endif %}   «، » in Arabic, «, » elsewhere
"""

from django import template

from home import bidi

register = template.Library()


@register.filter(is_safe=True)
def ltr(value):
    return bidi.ltr(value)


@register.filter(is_safe=True)
def isolate(value):
    return bidi.isolate(value)


@register.simple_tag
def list_sep():
    return bidi.list_separator()
