"""The request form as a block any page body can hold (registered in home's `ContentStreamBlock`)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks import register_content_block
from resource_requests.views import block_context


class RequestFormBlock(blocks.StructBlock):
    """The request form (basket, plan, consultation) inside any page; it sends to the request page."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=200)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=600)

    class Meta:
        icon = "form"
        label = _("Request form")
        template = "resource_requests/block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        request = (parent_context or {}).get("request")
        if request is not None:
            context.update(block_context(request))
        return context


register_content_block("request_form", RequestFormBlock())
