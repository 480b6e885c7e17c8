"""Fill colours: what RAG a colour shows (a status dot, a shaded table cell), by hue, and theme colours
resolved to RGB. Greys, whites, blacks, blues and purples show no RAG."""

from __future__ import annotations

import colorsys
import re
from typing import Any

_HEX = re.compile(r"^[0-9A-Fa-f]{6}$")
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
# python-pptx / python-docx theme colour names -> the theme's colour scheme slot
_SLOTS = {
    "ACCENT_1": "accent1", "ACCENT_2": "accent2", "ACCENT_3": "accent3", "ACCENT_4": "accent4",
    "ACCENT_5": "accent5", "ACCENT_6": "accent6", "DARK_1": "dk1", "DARK_2": "dk2", "LIGHT_1": "lt1",
    "LIGHT_2": "lt2", "TEXT_1": "dk1", "TEXT_2": "dk2", "BACKGROUND_1": "lt1", "BACKGROUND_2": "lt2",
    "HYPERLINK": "hlink", "FOLLOWED_HYPERLINK": "folHlink",
}


def rag_of_rgb(rgb: str | None) -> str | None:
    """green / amber / red for a fill colour ("00B050", "FFC000", "C00000", light tints too), else None."""
    if not rgb or not _HEX.match(rgb):
        return None
    r, g, b = (int(rgb[i:i + 2], 16) / 255 for i in (0, 2, 4))
    hue, saturation, value = colorsys.rgb_to_hsv(r, g, b)
    if saturation < 0.15 or value < 0.3:
        return None
    degrees = hue * 360
    if degrees < 15 or degrees >= 330:
        return "red"
    if degrees < 70:
        return "amber"
    if degrees < 170:
        return "green"
    return None


def theme_colours(theme_xml: bytes | None) -> dict[str, str]:
    """Colour-scheme slot ("accent6") -> RGB hex, from a theme part's XML."""
    if not theme_xml:
        return {}
    from lxml import etree  # type: ignore[import-untyped]

    try:
        root = etree.fromstring(theme_xml)
    except etree.XMLSyntaxError:
        return {}
    scheme = root.find(f".//{_A}clrScheme")
    out: dict[str, str] = {}
    for slot in scheme if scheme is not None else []:
        if not isinstance(slot.tag, str):
            continue
        for colour in slot:
            value = colour.get("val") if colour.tag == f"{_A}srgbClr" else colour.get("lastClr")
            if value and _HEX.match(value):
                out[etree.QName(slot).localname] = value.upper()
    return out


def shade(rgb: str, brightness: float) -> str:
    """A colour lightened (brightness > 0) or darkened (< 0) as Office's tints and shades do."""
    if not brightness:
        return rgb
    channels = [int(rgb[i:i + 2], 16) for i in (0, 2, 4)]
    if brightness > 0:
        channels = [round(c + (255 - c) * brightness) for c in channels]
    else:
        channels = [round(c * (1 + brightness)) for c in channels]
    return "".join(f"{max(0, min(255, c)):02X}" for c in channels)


def solid_fill(fill: Any, theme: dict[str, str]) -> str | None:
    """The RGB hex of a python-pptx FillFormat when it is a solid fill we can resolve, else None."""
    try:
        if fill.type != 1:  # MSO_FILL_TYPE.SOLID
            return None
        colour = fill.fore_color
        if colour.type == 1:  # MSO_COLOR_TYPE.RGB
            rgb = str(colour.rgb)
        elif colour.type == 2:  # MSO_COLOR_TYPE.SCHEME
            name = getattr(colour.theme_color, "name", "") or ""
            rgb = theme.get(_SLOTS.get(name, ""), "")
            if not rgb:
                return None
        else:
            return None
        return shade(rgb.upper(), float(colour.brightness or 0))
    except (AttributeError, TypeError, ValueError, KeyError):
        return None
