"""Pictures for the demo content, drawn with Pillow when the demo is loaded: flat illustrations of what the
portal lends and does (a projector, a sound system, a camera, a room with chairs, flyers, a community
festival ...), in the portal's calm colours, without text, nothing downloaded.

`draw(motif, size, seed)` gives a Pillow image; `MOTIFS` names what can be drawn. Each drawing works on a
1200 × 800 plan scaled to the size asked for (drawn at twice that size and scaled down, for smooth
edges); `seed` varies the details (who sits at the table, the colours of the flyers), so two pictures of
the same motif differ. The alternative text that says what a picture shows lives with the content that
uses it (demo/*.toml).
"""

import math
import random

from PIL import Image, ImageDraw

# The portal's palette (static/css: --colour-*) and a few quiet tints of it.
CREAM = "#f5f3ee"
SAND = "#fff4d6"
TEAL = "#0b5c7a"
AMBER = "#ffbf47"
RUST = "#a33a17"
INK = "#1d2433"
GREEN = "#1f6f3d"
PALE_TEAL = "#d3e5ec"
SKY = "#e4eff3"
WALL = "#ece7dc"
FLOOR = "#d8cdb8"
WOOD = "#b98a5e"
WOOD_DARK = "#8c6442"
GREY = "#9aa3ad"
LIGHT_GREY = "#c9ced4"
WHITE = "#fdfcf9"
LEAF = "#5f8f5a"
GRASS = "#9cbf7e"
SKIN = ["#f1c9a5", "#d9a77c", "#a8714a", "#7a4e2d", "#e8b98f"]
CLOTHES = [TEAL, RUST, AMBER, GREEN, INK, "#6d8fa6", "#c46a3f"]

PLAN = (1200, 800)
OVERSAMPLE = 2


class Canvas:
    """ImageDraw on the 1200 × 800 plan: coordinates are scaled to the picture's real size."""

    def __init__(self, size):
        self.scale_x = size[0] * OVERSAMPLE / PLAN[0]
        self.scale_y = size[1] * OVERSAMPLE / PLAN[1]
        self.image = Image.new("RGB", (size[0] * OVERSAMPLE, size[1] * OVERSAMPLE), CREAM)
        self.draw = ImageDraw.Draw(self.image)

    def _xy(self, points):
        return [(x * self.scale_x, y * self.scale_y) for x, y in points]

    def _box(self, x0, y0, x1, y1):
        return [x0 * self.scale_x, y0 * self.scale_y, x1 * self.scale_x, y1 * self.scale_y]

    def rect(self, x0, y0, x1, y1, fill, radius=0, outline=None, width=0):
        box = self._box(x0, y0, x1, y1)
        if radius:
            self.draw.rounded_rectangle(
                box, radius * self.scale_x, fill=fill, outline=outline, width=int(width * self.scale_x)
            )
        else:
            self.draw.rectangle(box, fill=fill, outline=outline, width=int(width * self.scale_x))

    def ellipse(self, x0, y0, x1, y1, fill, outline=None, width=0):
        self.draw.ellipse(
            self._box(x0, y0, x1, y1), fill=fill, outline=outline, width=int(width * self.scale_x)
        )

    def circle(self, cx, cy, r, fill, outline=None, width=0):
        self.ellipse(cx - r, cy - r, cx + r, cy + r, fill, outline, width)

    def polygon(self, points, fill):
        self.draw.polygon(self._xy(points), fill=fill)

    def line(self, points, fill, width):
        self.draw.line(self._xy(points), fill=fill, width=max(1, int(width * self.scale_x)), joint="curve")

    def rotated_rect(self, cx, cy, w, h, angle, fill):
        """A rectangle of w × h centred on (cx, cy), turned by `angle` degrees."""
        a = math.radians(angle)
        corners = [(-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)]
        self.polygon(
            [
                (cx + x * math.cos(a) - y * math.sin(a), cy + x * math.sin(a) + y * math.cos(a))
                for x, y in corners
            ],
            fill,
        )

    def shadow(self, cx, cy, w, h=18):
        self.ellipse(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2, "#cfc4ad")

    def result(self):
        size = (self.image.width // OVERSAMPLE, self.image.height // OVERSAMPLE)
        return self.image.resize(size, Image.LANCZOS)


# --- Pieces several pictures share ----------------------------------------------------------------------


def room(c, wall=WALL, floor=FLOOR, horizon=560):
    c.rect(0, 0, 1200, horizon, wall)
    c.rect(0, horizon, 1200, 800, floor)
    c.rect(0, horizon - 8, 1200, horizon, "#d6cfc0")


def table(c, x0, x1, top, legs_to, colour=WOOD):
    c.rect(x0 + 20, top + 16, x0 + 38, legs_to, WOOD_DARK)
    c.rect(x1 - 38, top + 16, x1 - 20, legs_to, WOOD_DARK)
    c.rect(x0, top, x1, top + 22, colour, radius=6)


def chair_from_behind(c, x, y, colour, scale=1.0):
    w, h = 70 * scale, 90 * scale
    c.rect(x - w / 2, y - h, x + w / 2, y - h * 0.35, colour, radius=10 * scale)
    c.rect(x - w / 2 + 6 * scale, y - h * 0.35, x - w / 2 + 14 * scale, y, GREY)
    c.rect(x + w / 2 - 14 * scale, y - h * 0.35, x + w / 2 - 6 * scale, y, GREY)


def person(c, x, base, rng, scale=1.0, sitting=False):
    """A person seen from the front: body, head, hair; standing or behind a table (sitting)."""
    body = rng.choice(CLOTHES)
    skin = rng.choice(SKIN)
    hair = rng.choice([INK, "#4a3426", "#7b5a3c", GREY, "#2f2f2f"])
    h = (150 if sitting else 260) * scale
    w = 96 * scale
    c.rect(x - w / 2, base - h, x + w / 2, base + (0 if sitting else 0), body, radius=int(40 * scale))
    if not sitting:
        c.rect(x - w / 2 + 10 * scale, base - 20 * scale, x - 6 * scale, base + 110 * scale, INK, radius=8)
        c.rect(x + 6 * scale, base - 20 * scale, x + w / 2 - 10 * scale, base + 110 * scale, INK, radius=8)
    head_y = base - h - 36 * scale
    r = 38 * scale
    if rng.random() < 0.3:  # a headscarf
        c.circle(x, head_y + 4 * scale, r + 12 * scale, rng.choice([RUST, TEAL, AMBER, GREEN]))
        c.circle(x, head_y + 6 * scale, r - 6 * scale, skin)
    else:
        c.circle(x, head_y, r, skin)
        c.ellipse(x - r, head_y - r - 4 * scale, x + r, head_y - r * 0.1, hair)


def bunting(c, y, rng, colours=(RUST, AMBER, TEAL, GREEN)):
    c.line([(0, y), (300, y + 40), (600, y + 10), (900, y + 45), (1200, y)], GREY, 3)
    for i in range(24):
        x = 25 + i * 50
        sag = y + 40 * math.sin(math.pi * ((x % 300) / 300)) * 0.9
        c.polygon(
            [(x - 18, sag), (x + 18, sag), (x, sag + 42)], colours[(i + rng.randrange(2)) % len(colours)]
        )


def tree(c, x, base, scale=1.0):
    c.rect(x - 12 * scale, base - 140 * scale, x + 12 * scale, base, WOOD_DARK)
    c.circle(x, base - 190 * scale, 90 * scale, LEAF)
    c.circle(x - 60 * scale, base - 150 * scale, 60 * scale, LEAF)
    c.circle(x + 60 * scale, base - 150 * scale, 60 * scale, LEAF)


def plant(c, x, base, scale=1.0):
    c.polygon(
        [(x - 40 * scale, base - 80 * scale), (x + 40 * scale, base - 80 * scale), (x + 30 * scale, base),
         (x - 30 * scale, base)],
        RUST,
    )  # fmt: skip
    for dx, dy, r in ((0, -150, 45), (-40, -120, 35), (40, -115, 35), (0, -200, 30)):
        c.circle(x + dx * scale, base + dy * scale, r * scale, GREEN if dy % 2 else LEAF)


def window(c, x0, y0, x1, y1):
    c.rect(x0 - 10, y0 - 10, x1 + 10, y1 + 10, WHITE)
    c.rect(x0, y0, x1, y1, SKY)
    c.circle(x0 + (x1 - x0) * 0.7, y0 + (y1 - y0) * 0.35, 30, SAND)
    c.rect((x0 + x1) / 2 - 5, y0, (x0 + x1) / 2 + 5, y1, WHITE)
    c.rect(x0, (y0 + y1) / 2 - 5, x1, (y0 + y1) / 2 + 5, WHITE)


# --- The motifs -------------------------------------------------------------------------------------------


def projector(c, rng):
    room(c, horizon=600)
    c.polygon([(330, 470), (580, 90), (1090, 90), (350, 500)], "#f7ecd0")  # the light from the lens
    # the screen with a picture on it: hills and a sun
    c.rect(560, 70, 1110, 400, WHITE, radius=4)
    c.rect(580, 90, 1090, 380, PALE_TEAL)
    c.polygon([(580, 380), (760, 230), (900, 330), (1000, 260), (1090, 340), (1090, 380)], TEAL)
    c.circle(980, 160, 40, AMBER)
    c.rect(560, 60, 1110, 74, INK)
    table(c, 120, 620, 540, 760)
    c.shadow(330, 540, 300)
    c.rect(200, 440, 460, 540, LIGHT_GREY, radius=18)
    c.rect(200, 500, 460, 540, GREY, radius=12)
    c.circle(345, 485, 46, INK)
    c.circle(345, 485, 30, TEAL)
    c.circle(335, 475, 10, PALE_TEAL)
    c.rect(230, 458, 290, 468, INK, radius=4)
    c.line([(200, 520), (150, 560), (140, 700)], INK, 6)


def sound(c, rng):
    room(c, wall=PALE_TEAL, horizon=620)
    for x in (150, 900):
        c.shadow(x + 75, 770, 220)
        c.rect(x, 300, x + 150, 770, INK, radius=12)
        c.circle(x + 75, 380, 40, GREY)
        c.circle(x + 75, 380, 18, INK)
        c.circle(x + 75, 560, 62, GREY)
        c.circle(x + 75, 560, 26, INK)
        c.rect(x + 40, 690, x + 110, 710, GREY, radius=6)
    # the mixing desk on its stand
    c.line([(520, 560), (600, 770)], INK, 10)
    c.line([(680, 560), (600, 770)], INK, 10)
    c.rect(430, 470, 770, 570, LIGHT_GREY, radius=14)
    for i in range(8):
        x = 460 + i * 38
        c.rect(x, 490, x + 6, 550, INK)
        c.rect(x - 8, 500 + (i * 13) % 40, x + 14, 512 + (i * 13) % 40, [AMBER, TEAL, RUST][i % 3], radius=3)
    # the microphone on its stand
    c.line([(820, 770), (820, 330), (760, 250)], GREY, 8)
    c.ellipse(730, 210, 790, 270, INK)
    c.line([(780, 770), (860, 770)], GREY, 10)
    c.line([(250, 770), (540, 690), (700, 700), (980, 770)], INK, 4)  # cables


def gazebo(c, rng):
    c.rect(0, 0, 1200, 800, SKY)
    c.circle(1040, 120, 55, SAND)
    c.rect(0, 560, 1200, 800, GRASS)
    tree(c, 110, 590, 1.1)
    tree(c, 1110, 600, 0.9)
    # the canopy and its legs
    c.shadow(600, 730, 760, 40)
    for x in (290, 910):
        c.rect(x - 8, 330, x + 8, 720, GREY)
    c.polygon([(250, 330), (950, 330), (830, 190), (370, 190)], RUST)
    c.polygon([(370, 190), (830, 190), (600, 140)], RUST)
    for i in range(6):
        x0 = 250 + i * 700 / 6
        c.polygon([(x0, 330), (x0 + 700 / 6, 330), (x0 + 700 / 6, 360), (x0 + 700 / 12, 380), (x0, 360)],
                  SAND if i % 2 else AMBER)  # fmt: skip
    # a table with leaflets and a jug under it
    table(c, 420, 780, 560, 720, colour=WHITE)
    c.rect(450, 530, 520, 560, TEAL, radius=4)
    c.rect(540, 536, 600, 560, AMBER, radius=4)
    c.rect(690, 500, 730, 560, PALE_TEAL, radius=8)


def camera(c, rng):
    c.rect(0, 0, 1200, 800, PALE_TEAL)
    c.rect(0, 600, 1200, 800, WOOD)
    c.shadow(600, 640, 640, 40)
    c.line([(300, 330), (230, 520), (380, 640)], INK, 10)  # the strap
    c.rect(320, 250, 880, 620, INK, radius=50)
    c.rect(400, 200, 560, 270, INK, radius=20)
    c.rect(720, 210, 800, 250, AMBER, radius=8)
    c.rect(320, 330, 880, 360, "#2f394d")
    c.circle(610, 445, 150, "#2f394d")
    c.circle(610, 445, 120, GREY)
    c.circle(610, 445, 92, INK)
    c.circle(610, 445, 60, TEAL)
    c.circle(585, 420, 20, PALE_TEAL)
    c.circle(800, 300, 14, RUST)


def chairs_room(c, rng):
    room(c, horizon=520)
    window(c, 80, 110, 380, 400)
    c.rect(520, 110, 1000, 380, WHITE, radius=6, outline=LIGHT_GREY, width=8)
    c.line([(560, 200), (700, 170), (820, 240), (960, 190)], TEAL, 8)
    c.rect(570, 280, 720, 340, AMBER, radius=6)
    c.rect(760, 280, 940, 340, PALE_TEAL, radius=6)
    plant(c, 1100, 560)
    for row, (y, scale) in enumerate(((630, 1.0), (715, 1.15), (800, 1.3))):
        for i in range(6):
            chair_from_behind(c, 170 + i * 180 + (row % 2) * 45, y, RUST if i % 3 == 2 else TEAL, scale)


def hall(c, rng):
    room(c, wall="#e2dccf", horizon=470)
    c.rect(150, 330, 1050, 470, WOOD)  # the stage
    c.rect(150, 460, 1050, 480, WOOD_DARK)
    c.rect(150, 40, 1050, 80, RUST)
    for x0, x1 in ((150, 300), (900, 1050)):
        c.rect(x0, 40, x1, 330, RUST)
        for x in range(int(x0) + 25, int(x1), 40):
            c.line([(x, 80), (x, 330)], "#8b2f12", 6)
    for x in (380, 600, 820):
        c.polygon([(x - 40, 80), (x + 40, 80), (x + 140, 330), (x - 140, 330)], "#efe3c4")
    c.rect(560, 250, 640, 340, WOOD_DARK, radius=6)  # the lectern
    c.line([(600, 250), (585, 215)], INK, 5)
    for x in (380, 600, 820):
        c.rect(x - 25, 50, x + 25, 90, INK, radius=8)
    for row, y in enumerate((600, 700, 800)):
        for i in range(8):
            chair_from_behind(
                c, 110 + i * 140 + (row % 2) * 35, y, RUST if row == 0 else TEAL, 0.85 + row * 0.08
            )


def flyers(c, rng):
    c.rect(0, 0, 1200, 800, WOOD)
    for i in range(5):  # the grain of the table
        c.line([(0, 120 + i * 150), (1200, 100 + i * 150 + rng.randrange(-20, 20))], "#ad7f55", 4)
    colours = [AMBER, TEAL, RUST, GREEN, SAND, PALE_TEAL]
    rng.shuffle(colours)
    # a rolled poster
    c.rotated_rect(980, 620, 90, 400, -30, SAND)
    c.circle(880, 447, 45, "#e9dcb9")
    for index, (cx, cy, angle) in enumerate(((330, 330, -12), (620, 300, 8), (470, 520, 3), (820, 500, -6))):
        c.rotated_rect(cx + 10, cy + 12, 300, 420, angle, "#9b7149")  # shadow
        c.rotated_rect(cx, cy, 300, 420, angle, WHITE)
        main = colours[index % len(colours)]
        c.rotated_rect(cx, cy - 70, 250, 200, angle, main)
        a = math.radians(angle)
        for k, width in enumerate((220, 180, 200)):  # lines standing for words, not words
            dy = 70 + k * 36
            c.rotated_rect(cx - dy * math.sin(a), cy + dy * math.cos(a), width, 14, angle, LIGHT_GREY)
        c.circle(cx + 60 * math.cos(a) + 80 * math.sin(a), cy - 110 * math.cos(a), 36, colours[index + 1])
    c.rotated_rect(200, 690, 240, 16, 20, INK)  # a pen
    c.rotated_rect(85, 648, 20, 16, 20, AMBER)


def laptop(c, rng):
    room(c, wall=SAND, horizon=520)
    window(c, 820, 80, 1120, 380)
    table(c, 60, 1140, 520, 800)
    c.shadow(560, 530, 560, 24)
    c.polygon([(300, 520), (820, 520), (870, 560), (250, 560)], GREY)
    c.rect(330, 170, 790, 520, INK, radius=18)
    c.rect(350, 190, 770, 500, PALE_TEAL)
    c.rect(350, 190, 770, 230, TEAL)
    c.rect(380, 260, 560, 460, WHITE, radius=8)
    c.rect(590, 260, 740, 340, AMBER, radius=8)
    c.rect(590, 370, 740, 460, WHITE, radius=8)
    c.circle(470, 330, 40, RUST)
    # a cup of tea and a notebook
    c.rect(900, 440, 980, 530, WHITE, radius=14)
    c.ellipse(970, 460, 1010, 505, None, outline=WHITE, width=10)
    c.rotated_rect(170, 520, 170, 60, -6, TEAL)


def community(c, rng):
    outdoors = rng.random() < 0.5
    if outdoors:
        c.rect(0, 0, 1200, 800, SKY)
        c.rect(0, 520, 1200, 800, GRASS)
        tree(c, 90, 560, 1.0)
        tree(c, 1120, 570, 1.2)
        bunting(c, 60, rng)
    else:
        room(c, wall=rng.choice([WALL, SAND, PALE_TEAL]), horizon=520)
        window(c, 120, 90, 420, 330)
        window(c, 780, 90, 1080, 330)
    people = rng.randint(3, 6)
    positions = [240 + i * (720 / (people - 1)) for i in range(people)]
    for x in positions:
        person(c, x + rng.randrange(-20, 20), 560, rng, scale=0.9, sitting=True)
    # the long table with food and cups
    c.rect(140, 560, 1060, 600, WHITE, radius=10)
    c.rect(160, 600, 1040, 640, "#ece9e2")
    c.rect(190, 640, 210, 780, WOOD_DARK)
    c.rect(990, 640, 1010, 780, WOOD_DARK)
    for i in range(7):
        x = 200 + i * 130 + rng.randrange(-15, 15)
        if i % 2:
            c.ellipse(x - 50, 535, x + 50, 565, rng.choice([AMBER, RUST, GREEN, LEAF]))
            c.ellipse(x - 62, 552, x + 62, 572, WHITE, outline=LIGHT_GREY, width=3)
        else:
            c.rect(x - 16, 522, x + 16, 566, rng.choice([TEAL, AMBER, WHITE]), radius=6)
    if outdoors:
        person(c, 1000, 560, rng, scale=0.75)
        person(c, 170, 560, rng, scale=0.7)


MOTIFS = {
    "projector": projector,
    "sound": sound,
    "gazebo": gazebo,
    "camera": camera,
    "room": chairs_room,
    "hall": hall,
    "flyers": flyers,
    "laptop": laptop,
    "community": community,
}


def draw(motif, size=(1200, 800), seed=0):
    """The picture of `motif` (a key of MOTIFS) at `size`; `seed` varies its details."""
    canvas = Canvas(size)
    MOTIFS[motif](canvas, random.Random(seed))  # noqa: S311 - variety in a drawing, not a secret
    return canvas.result()
