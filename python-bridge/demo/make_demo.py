# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Generate the bundled demo: screenshots/ (a fake app: login -> dashboard -> settings)
and demo.json (v2.0.0 config whose images are crops of those screenshots).

Run: /usr/bin/python3 python-bridge/demo/make_demo.py   (deterministic output)
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os

from PIL import Image, ImageDraw, ImageFont

HERE = os.path.dirname(os.path.abspath(__file__))
W, H = 1280, 800
FONT_PATH = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def font(size: int) -> ImageFont.ImageFont:
    try:
        return ImageFont.truetype(FONT_PATH, size)
    except OSError:
        return ImageFont.load_default()


# Element boxes (x, y, w, h) shared by the drawing and the crops.
TITLE = (440, 150, 400, 50)
USER_LABEL = (440, 250, 120, 30)
USER_FIELD = (570, 245, 270, 40)
PASS_LABEL = (440, 320, 120, 30)
PASS_FIELD = (570, 315, 270, 40)
LOGIN_BTN = (570, 400, 140, 44)
DASH_HEADER = (40, 30, 300, 50)
SETTINGS_TAB = (1080, 35, 150, 40)
SETTINGS_TITLE = (40, 30, 260, 50)


def base() -> tuple[Image.Image, ImageDraw.ImageDraw]:
    img = Image.new("RGB", (W, H), (236, 239, 244))
    return img, ImageDraw.Draw(img)


def box(d: ImageDraw.ImageDraw, b: tuple[int, int, int, int], fill: tuple[int, int, int],
        outline: tuple[int, int, int] | None = None) -> None:
    x, y, w, h = b
    d.rectangle([x, y, x + w - 1, y + h - 1], fill=fill, outline=outline)


def login(user: str = "", password: str = "") -> Image.Image:
    img, d = base()
    box(d, (400, 120, 480, 360), (255, 255, 255), (180, 180, 190))
    d.text((TITLE[0] + 60, TITLE[1] + 8), "Acme Login", fill=(30, 40, 90), font=font(30))
    d.text((USER_LABEL[0], USER_LABEL[1] + 4), "Username", fill=(20, 20, 20), font=font(18))
    d.text((PASS_LABEL[0], PASS_LABEL[1] + 4), "Password", fill=(20, 20, 20), font=font(18))
    for f, text in ((USER_FIELD, user), (PASS_FIELD, "*" * len(password))):
        box(d, f, (250, 250, 250), (120, 120, 130))
        d.text((f[0] + 8, f[1] + 9), text, fill=(0, 0, 0), font=font(18))
    box(d, LOGIN_BTN, (40, 100, 200), (20, 60, 140))
    d.text((LOGIN_BTN[0] + 40, LOGIN_BTN[1] + 10), "Login", fill=(255, 255, 255), font=font(20))
    return img


def dashboard() -> Image.Image:
    img, d = base()
    box(d, (0, 0, W, 110), (52, 73, 94))
    d.text((DASH_HEADER[0] + 10, DASH_HEADER[1] + 6), "Dashboard", fill=(255, 255, 255), font=font(32))
    box(d, SETTINGS_TAB, (230, 126, 34), (180, 90, 20))
    d.text((SETTINGS_TAB[0] + 30, SETTINGS_TAB[1] + 8), "Settings", fill=(255, 255, 255), font=font(20))
    d.text((40, 160), "Welcome demo", fill=(20, 20, 20), font=font(24))
    for i in range(4):
        box(d, (40 + i * 300, 230, 260, 160), (255, 255, 255), (190, 190, 200))
        d.text((60 + i * 300, 250), f"Widget {i + 1}", fill=(60, 60, 60), font=font(18))
    return img


def settings() -> Image.Image:
    img, d = base()
    box(d, (0, 0, W, 110), (39, 174, 96))
    d.text((SETTINGS_TITLE[0] + 10, SETTINGS_TITLE[1] + 6), "Settings", fill=(255, 255, 255), font=font(32))
    d.text((40, 160), "Theme: light", fill=(20, 20, 20), font=font(22))
    return img


def crop_b64(img: Image.Image, b: tuple[int, int, int, int]) -> tuple[str, int, int]:
    x, y, w, h = b
    buf = io.BytesIO()
    img.crop((x, y, x + w, y + h)).save(buf, format="PNG", optimize=True)
    return base64.b64encode(buf.getvalue()).decode(), w, h


def main() -> None:
    shots = [login(), login(), login("demo"), login("demo"), login("demo", "secret"), dashboard(), settings()]
    sdir = os.path.join(HERE, "screenshots")
    os.makedirs(sdir, exist_ok=True)
    for f in os.listdir(sdir):
        if f.endswith(".png"):
            os.remove(os.path.join(sdir, f))
    names = ["login", "login", "login-user", "login-user", "login-filled", "dashboard", "settings"]
    for i, (img, name) in enumerate(zip(shots, names)):
        img.save(os.path.join(sdir, f"{i:02d}-{name}.png"), optimize=True)

    crops = {"img-login-title": (shots[0], TITLE), "img-user-label": (shots[0], USER_LABEL),
             "img-pass-label": (shots[0], PASS_LABEL), "img-login-btn": (shots[0], LOGIN_BTN),
             "img-dash-header": (shots[5], DASH_HEADER), "img-settings-tab": (shots[5], SETTINGS_TAB),
             "img-settings-title": (shots[6], SETTINGS_TITLE)}
    images = []
    for iid, (img, b) in crops.items():
        data, w, h = crop_b64(img, b)
        images.append({"id": iid, "name": iid[4:] + ".png", "data": data, "format": "png", "width": w,
                       "height": h, "hash": hashlib.sha256(data.encode()).hexdigest()})

    def si(sid: str, name: str, iid: str, thr: float = 0.9) -> dict:
        return {"id": sid, "name": name, "threshold": thr, "required": True,
                "patterns": [{"id": "p-" + sid[3:], "name": name, "imageId": iid}], "searchRegions": []}

    def find(aid: str, image: str) -> dict:
        return {"id": aid, "type": "FIND", "name": f"find {image}",
                "config": {"target": {"type": "image", "imageIds": [image],
                                      "searchOptions": {"similarity": 0.9, "searchStrategy": "BEST"}}}}

    def click_right_of(aid: str, image: str, dx: int) -> dict:
        # Click into the text field to the right of its label.
        return {"id": aid, "type": "CLICK", "name": f"click field of {image}",
                "config": {"target": {"type": "image", "imageIds": [image],
                                      "searchOptions": {"adjustment": {"targetOffset": {"x": dx, "y": 0}}}},
                           "numberOfClicks": 1, "mouseButton": "LEFT"}}

    config = {
        "version": "2.0.0",
        "metadata": {"name": "Qontinui bridge demo", "description": "Generated by make_demo.py",
                     "author": "qontinui-bridge", "created": "2026-01-01T00:00:00Z",
                     "modified": "2026-01-01T00:00:00Z", "tags": ["demo"]},
        "images": images,
        "states": [
            {"id": "state-login", "name": "Login", "isInitial": True, "position": {"x": 100, "y": 100},
             "stateImages": [si("si-login-title", "Login title", "img-login-title"),
                             si("si-user-label", "Username label", "img-user-label"),
                             si("si-pass-label", "Password label", "img-pass-label"),
                             si("si-login-btn", "Login button", "img-login-btn")],
             "strings": [{"id": "str-user", "name": "username", "value": "demo"},
                         {"id": "str-pass", "name": "password", "value": "secret"}],
             "regions": [], "locations": []},
            {"id": "state-dashboard", "name": "Dashboard", "position": {"x": 300, "y": 100},
             "stateImages": [si("si-dash-header", "Dashboard header", "img-dash-header"),
                             si("si-settings-tab", "Settings tab", "img-settings-tab")],
             "regions": [], "locations": [], "strings": []},
            {"id": "state-settings", "name": "Settings", "position": {"x": 500, "y": 100},
             "stateImages": [si("si-settings-title", "Settings title", "img-settings-title")],
             "regions": [], "locations": [], "strings": []},
        ],
        "workflows": [
            {"id": "wf-login", "name": "Log in", "version": "1.0.0", "format": "graph",
             "category": "Outgoing Transitions", "connections": {},
             "actions": [
                 click_right_of("l1", "si-user-label", 200),
                 {"id": "l2", "type": "TYPE", "name": "type username",
                  "config": {"textSource": {"stateId": "state-login", "stringIds": ["str-user"]}}},
                 click_right_of("l3", "si-pass-label", 200),
                 {"id": "l4", "type": "TYPE", "name": "type password",
                  "config": {"textSource": {"stateId": "state-login", "stringIds": ["str-pass"]}, "sensitive": True}},
                 find("l5", "si-login-btn"),
                 {"id": "l6", "type": "CLICK", "name": "click Login", "config": {"target": {"type": "lastFindResult"}}},
             ]},
            {"id": "wf-open-settings", "name": "Open settings", "version": "1.0.0", "format": "graph",
             "category": "Outgoing Transitions", "connections": {},
             "actions": [{"id": "s1", "type": "CLICK", "name": "click Settings tab",
                          "config": {"target": {"type": "image", "imageIds": ["si-settings-tab"]}}}]},
            {"id": "wf-main", "name": "Main", "version": "1.0.0", "format": "graph", "category": "Main",
             "initialStateIds": ["state-login"], "connections": {},
             "actions": [
                 {"id": "m1", "type": "GO_TO_STATE", "name": "go to Settings", "config": {"stateIds": ["state-settings"]}},
                 find("m2", "si-settings-title"),
                 {"id": "m3", "type": "SET_VARIABLE", "name": "remember result",
                  "config": {"variableName": "reached", "value": "settings", "scope": "process"}},
             ]},
        ],
        "transitions": [
            {"id": "t-login", "type": "OutgoingTransition", "name": "log in", "fromState": "state-login",
             "toState": "state-dashboard", "workflows": ["wf-login"], "staysVisible": False,
             "activateStates": [], "deactivateStates": [], "timeout": 5000, "retryCount": 0},
            {"id": "t-settings", "type": "OutgoingTransition", "name": "open settings",
             "fromState": "state-dashboard", "toState": "state-settings", "workflows": ["wf-open-settings"],
             "staysVisible": False, "activateStates": [], "deactivateStates": [], "timeout": 5000, "retryCount": 0},
        ],
        "categories": [{"name": "Main", "automationEnabled": True},
                       {"name": "Outgoing Transitions", "automationEnabled": False}],
        "settings": {"execution": {"defaultTimeout": 10000, "defaultRetryCount": 0, "failureStrategy": "stop"},
                     "recognition": {"defaultThreshold": 0.9, "searchAlgorithm": "template_matching"}},
    }
    with open(os.path.join(HERE, "demo.json"), "w", encoding="utf-8") as fh:
        json.dump(config, fh, indent=2)
        fh.write("\n")


if __name__ == "__main__":
    main()
