#!/usr/bin/env python3
"""Capture the HTTP requests the official Python SDKs send for UpdateMediaInfo.

Run by hand, not in CI: it needs the SDKs from PyPI. Nothing leaves the machine: every SDK
is pointed at an HTTP listener on 127.0.0.1 that records the request and answers 200 with
{"RequestId":"x","MediaId":"m"}. Credentials are dummies (AccessKeyId "testid", secret
"testsecret", bearer token "testbearertoken").

Set-up (Python 3.11.7, pip 23.2.1), in a scratch directory outside the repository:

    python3 -m venv /work/scratch/venv
    /work/scratch/venv/bin/pip install alibabacloud-ice20201109 \
        aliyun-python-sdk-core==2.16.1 aliyun-python-sdk-ice==1.0.2
    /work/scratch/venv/bin/python tests/data/sdk_requests/capture.py

`pip freeze` of the venv used for the committed requests.json (the packages that matter):

    alibabacloud-ice20201109==6.20.2
    alibabacloud-tea-openapi==0.4.6
    alibabacloud-tea-util==0.3.15
    alibabacloud-tea==0.4.3
    alibabacloud-credentials==1.0.12
    alibabacloud-credentials-api==1.0.1
    alibabacloud-gateway-spi==0.0.4
    darabonba-core==1.0.9
    aliyun-python-sdk-core==2.16.1
    aliyun-python-sdk-ice==1.0.2
    requests==2.34.2
    urllib3==2.8.0
    aiohttp==3.14.5

(alibabacloud-openapi-util is not installed by these versions: alibabacloud-tea-openapi 0.4
carries its own utilities on darabonba-core.)

Modes, each sending every case below:

* v3: alibabacloud-ice20201109, default signature (ACS3-HMAC-SHA256);
* v2: the same with Config(signature_algorithm="v2") (RPC signature HMAC-SHA1);
* bearer: Config(bearer_token=..., signature_algorithm="v2"), the RPC path that puts
  BearerToken and SignatureType=BEARERTOKEN in the query;
* bearer-v3: Config(bearer_token=...) with the default signature, which sends the token in
  the x-acs-bearer-token header and SignatureType=BEARERTOKEN in the query;
* core-POST, core-GET: aliyun-python-sdk-core with aliyun-python-sdk-ice's
  UpdateMediaInfoRequest, sent as generated (POST) and after set_method("GET").

Output: requests.json beside this file (or the path given as the first argument), an array
of records {"sdk", "mode", "case", "expect", "sent", "method", "target", "headers", "body"}
and, for a case expected to be refused, "invalid_params". "sent" holds the arguments given to
the SDK under their wire names, with their Python types (AppendTags a bool, CateId an int
unless a case passes a string on purpose). Timestamps, nonces and signatures change on every
run.
"""

import http.server
import json
import sys
import threading
from importlib.metadata import version
from pathlib import Path

MEDIA_ID = "2b36bd19c13f4145b094c0cad80dbce5"
COVER = "https://example-bucket.oss-cn-shanghai.aliyuncs.com/cover.png"
OSS_INPUT = "oss://example-bucket/dir/a b.mp4"
HTTP_INPUT = "https://example-bucket.oss-cn-shanghai.aliyuncs.com/videos/clip.mp4"
RESERVED = '& = + % # ? / , ; space "'

# (case name, arguments under their wire names, params a validating library must refuse).
# Every case but the last is valid under the crate's rules.
CASES = [
    (
        "every-parameter",
        {
            "MediaId": MEDIA_ID,
            "InputURL": HTTP_INPUT,
            "Title": "Summer trip",
            "Description": "A short clip of the coast.",
            "CoverURL": COVER,
            "MediaTags": "news,travel",
            "AppendTags": False,
            "UserData": '{"source":"upload","priority":2}',
            "Category": "vlog",
            "BusinessType": "general",
            "CateId": 3048,
            "ReferenceId": "ref-0001_A",
        },
        None,
    ),
    (
        "unicode",
        {
            "MediaId": MEDIA_ID,
            "Title": "夏日旅行 🌅 café",
            "Description": "Ünïcödé — 描述 🎬👍🏽 and a ZWJ sequence 👩‍💻\r\nsecond line\tend",
            "Category": "旅行·été",
            "MediaTags": "旅行,vlog,été,🎥 film",
            "AppendTags": True,
            "UserData": '{"城市":"上海","emoji":"🎥","note":"naïve"}',
            "BusinessType": "opening",
        },
        None,
    ),
    (
        "reserved-characters",
        {
            "InputURL": OSS_INPUT,
            "Title": "a&b=c+d%e#f?g/h,i;j k\"l",
            "Description": RESERVED + " q=1&r=2+3 %20 %2B #frag ?x /y ,z ;w \"quoted\" *~!'()",
            "Category": "a&b=c+d %25 #?/;\"",
            "MediaTags": "a&b, c=d ,e+f;g,h%20i, j#k?l,x/y \"z\"",
            "UserData": '{"q":"a&b=c+d%20e#f?g/h,i;j k","n":1}',
            "CoverURL": "https://example-bucket.oss-cn-shanghai.aliyuncs.com/c%20v.png?a=1&b=2+3#top",
            "ReferenceId": "ref_with-reserved",
        },
        None,
    ),
    (
        "empty-values",
        {
            "MediaId": MEDIA_ID,
            "Title": "",
            "Description": "",
            "Category": "",
            "CoverURL": "",
            "UserData": "",
            "MediaTags": "",
            "BusinessType": "",
            "ReferenceId": "",
            "CateId": "",
        },
        None,
    ),
    (
        "empty-target-and-flag",
        {
            "MediaId": MEDIA_ID,
            "InputURL": "",
            "MediaTags": " spaced tag , other ",
            "AppendTags": False,
        },
        None,
    ),
    (
        "append-true-http-input",
        {
            "MediaId": "",
            "InputURL": HTTP_INPUT,
            "MediaTags": "added",
            "AppendTags": True,
            "CateId": 1,
            "BusinessType": "watermark",
        },
        None,
    ),
    (
        "at-the-limits",
        {
            "MediaId": "M" * 32 + "-_" * 16,
            "Title": "界" * 42 + "ab",
            "Category": "é" * 32,
            "MediaTags": ",".join("t%02d" % i + "x" * 28 for i in range(16)),
            "ReferenceId": "R" * 60 + "-_9z",
            "CateId": 9223372036854775807,
            "CoverURL": "https://example-bucket.oss-cn-shanghai.aliyuncs.com/" + "c" * 72 + ".png",
            "BusinessType": "subtitles",
        },
        None,
    ),
    (
        "media-id-only",
        {"MediaId": "abc"},
        None,
    ),
    (
        "refused-by-a-validating-library",
        {
            "MediaId": MEDIA_ID,
            "BusinessType": "video",
            "ReferenceId": "short",
            "CateId": 0,
            "CoverURL": "ftp://example.com/a.png",
        },
        ["BusinessType", "CoverURL", "CateId", "ReferenceId"],
    ),
]

HEADERS_KEPT = (
    "x-acs-action",
    "x-acs-version",
    "content-type",
    "x-acs-bearer-token",
    "x-acs-signature-type",
)

captured = []


class Recorder(http.server.BaseHTTPRequestHandler):
    def _handle(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        captured.append(
            {
                "method": self.command,
                # The raw request target, exactly as received (not decoded).
                "target": self.path,
                "headers": {
                    k: self.headers[k] for k in HEADERS_KEPT if self.headers.get(k) is not None
                },
                "body": body.decode("utf-8"),
            }
        )
        out = b'{"RequestId":"x","MediaId":"m"}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json;charset=utf-8")
        self.send_header("Content-Length", str(len(out)))
        self.end_headers()
        self.wfile.write(out)

    do_GET = do_POST = _handle

    def log_message(self, *args):
        pass


SNAKE = {
    "MediaId": "media_id",
    "InputURL": "input_url",
    "Title": "title",
    "Description": "description",
    "CoverURL": "cover_url",
    "MediaTags": "media_tags",
    "AppendTags": "append_tags",
    "UserData": "user_data",
    "Category": "category",
    "BusinessType": "business_type",
    "CateId": "cate_id",
    "ReferenceId": "reference_id",
}


def tea_clients(port):
    from alibabacloud_ice20201109.client import Client
    from alibabacloud_tea_openapi import models as open_api_models

    def make(**kw):
        config = open_api_models.Config(
            endpoint="127.0.0.1:%d" % port, protocol="http", region_id="cn-shanghai", **kw
        )
        return Client(config)

    ak = {"access_key_id": "testid", "access_key_secret": "testsecret"}
    return [
        ("v3", make(**ak)),
        ("v2", make(signature_algorithm="v2", **ak)),
        ("bearer", make(bearer_token="testbearertoken", signature_algorithm="v2")),
        ("bearer-v3", make(bearer_token="testbearertoken")),
    ]


def send_tea(client, sent):
    from alibabacloud_ice20201109 import models as ice_models

    request = ice_models.UpdateMediaInfoRequest(**{SNAKE[k]: v for k, v in sent.items()})
    response = client.update_media_info(request)
    assert response.status_code == 200 and response.body.media_id == "m", response


def send_core(port, method, sent):
    from aliyunsdkcore.client import AcsClient
    from aliyunsdkice.request.v20201109.UpdateMediaInfoRequest import UpdateMediaInfoRequest

    client = AcsClient("testid", "testsecret", "cn-shanghai", port=port, auto_retry=False)
    request = UpdateMediaInfoRequest()
    request.set_endpoint("127.0.0.1")
    request.set_protocol_type("http")
    if method == "GET":
        request.set_method("GET")
    for name, value in sent.items():
        getattr(request, "set_" + name)(value)
    body = client.do_action_with_exception(request)
    assert json.loads(body)["MediaId"] == "m", body


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("requests.json")
    server = http.server.HTTPServer(("127.0.0.1", 0), Recorder)
    port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()

    tea = "alibabacloud-ice20201109 %s (alibabacloud-tea-openapi %s)" % (
        version("alibabacloud-ice20201109"),
        version("alibabacloud-tea-openapi"),
    )
    core = "aliyun-python-sdk-ice %s (aliyun-python-sdk-core %s)" % (
        version("aliyun-python-sdk-ice"),
        version("aliyun-python-sdk-core"),
    )
    senders = [(tea, mode, lambda s, c=client: send_tea(c, s)) for mode, client in tea_clients(port)]
    senders += [
        (core, "core-" + m, lambda s, m=m: send_core(port, m, s)) for m in ("POST", "GET")
    ]

    records = []
    for sdk, mode, send in senders:
        for case, sent, invalid in CASES:
            captured.clear()
            send(sent)
            assert len(captured) == 1, (mode, case, captured)
            record = {
                "sdk": sdk,
                "mode": mode,
                "case": case,
                "expect": "invalid" if invalid else "valid",
                "sent": sent,
            }
            if invalid:
                record["invalid_params"] = invalid
            record.update(captured[0])
            records.append(record)
    server.shutdown()

    with open(out, "w", encoding="utf-8") as f:
        json.dump(records, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print("%d requests written to %s" % (len(records), out))


if __name__ == "__main__":
    main()
