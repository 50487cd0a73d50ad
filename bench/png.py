"""A tiny deterministic PNG writer for the benchmark's figures.

Each figure is a 600 × 360 truecolour (RGB, 8 bits) landscape: a sky
gradient, a sun, three layers of textured hills drawn from sums of sines,
all chosen by a seed. Smooth areas compress like the charts and drawings of a booklet;
the same seed always gives the same bytes (zlib level 9, no timestamps, no
text chunks).
"""
import math
import struct
import zlib

from azwords import Rng


def _chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def encode_rgb(width, height, rows):
    """rows: `height` byte strings of width*3 bytes each."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB, no interlace
    raw = b"".join(b"\x00" + row for row in rows)  # filter type 0 on every row
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(raw, 9))
            + _chunk(b"IEND", b""))


def _mix(a, b, t):
    return bytes(int(a[i] + (b[i] - a[i]) * t) for i in range(3))


def _tints(colour):
    return [bytes(max(0, min(255, c + d)) for c in colour) for d in (-6, -2, 2, 6)]


def landscape(seed, width=600, height=360):
    rng = Rng(seed)
    top = (40 + rng.below(60), 90 + rng.below(80), 160 + rng.below(80))
    horizon = (200 + rng.below(50), 190 + rng.below(50), 170 + rng.below(70))
    layers = []  # (tops per column, near colour, far colour)
    for k in range(3):
        base = height * (0.45 + 0.15 * k)
        waves = [(rng.below(30) + 10 - 4 * k, 1 + rng.below(5), rng.below(628) / 100) for _ in range(3)]
        tops = [int(base - sum(a * math.sin(f * x * math.pi / width + p) for a, f, p in waves)) for x in range(width)]
        shade = 130 - 35 * k
        near = (shade // 2 + rng.below(30), shade + rng.below(60), shade // 3 + rng.below(30))
        far = tuple(min(255, c + 40) for c in near)
        layers.append((tops, near, far))
    sun_x, sun_y, sun_r = 80 + rng.below(width - 160), 40 + rng.below(60), 18 + rng.below(20)
    sun = bytes((250, 220 - rng.below(60), 120))

    grain = [rng.below(4) for _ in range(4096)]  # grass texture: one of four tints per pixel
    rows = []
    for y in range(height):
        sky = _mix(top, horizon, y / height)
        shades = [[sky] * 4] + [_tints(_mix(far, near, min(1.0, max(0.0, (y - height * 0.3) / (height * 0.7)))))
                                for _, near, far in layers]
        offset = (y * 1031) % 4096
        dy = y - sun_y
        half = int(math.sqrt(sun_r * sun_r - dy * dy)) if abs(dy) < sun_r else -1
        row = []
        for x in range(width):
            layer = 0
            for k in (2, 1, 0):
                if y >= layers[k][0][x]:
                    layer = k + 1
                    break
            if layer == 0 and half >= 0 and abs(x - sun_x) <= half:
                row.append(sun)
            else:
                row.append(shades[layer][grain[(offset + x) & 4095]])
        rows.append(b"".join(row))
    return encode_rgb(width, height, rows)
