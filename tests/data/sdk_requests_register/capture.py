#!/usr/bin/env python3
"""Capture the HTTP requests the official Python SDKs send for RegisterMediaInfo.

Adapted from tests/data/sdk_requests/capture.py (UpdateMediaInfo). Run by hand, not in CI: it
needs the SDKs from PyPI. Nothing leaves the machine: every SDK is pointed at an HTTP listener
on 127.0.0.1 that records the request and answers 200 with {"RequestId":"x","MediaId":"m"}.
Credentials are dummies (AccessKeyId "testid", secret "testsecret").

Set-up (Python 3.11.7, pip 23.2.1), in a fresh venv outside the repository:

    python3 -m venv /tmp/ims_register_venv
    /tmp/ims_register_venv/bin/pip install alibabacloud-ice20201109==6.20.2 \
        aliyun-python-sdk-core aliyun-python-sdk-ice
    /tmp/ims_register_venv/bin/python tests/data/sdk_requests_register/capture.py

(aliyun-python-sdk-core and aliyun-python-sdk-ice unpinned: the latest, which on the capture
date were 2.16.1 and 1.0.2.) `pip freeze` of the venv used for the committed requests.json
(the packages that matter; the README beside this file lists all of them):

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

Modes, each sending every case below:

* v3: alibabacloud-ice20201109, default signature (ACS3-HMAC-SHA256);
* v2: the same with Config(signature_algorithm="v2") (RPC signature HMAC-SHA1);
* core-POST, core-GET: aliyun-python-sdk-core with aliyun-python-sdk-ice's
  RegisterMediaInfoRequest, sent as generated (POST) and after set_method("GET").

aliyun-python-sdk-ice 1.0.2's RegisterMediaInfoRequest has no SmartTagTemplateId (no
set_SmartTagTemplateId): the core modes send the cases without it, and their "sent" does not
list it. Every other parameter of the Tea model has a setter there.

Output: requests.json beside this file (or the path given as the first argument), an array
of records {"sdk", "mode", "case", "expect", "sent", "method", "target", "headers", "body"},
shaped as in tests/data/sdk_requests/requests.json. "sent" holds the arguments given to the SDK
under their wire names, with their Python types (Overwrite a bool, CateId an int,
RegisterConfig and UserData strings holding JSON). "target" is the raw request target (path
and query) as received, "body" the raw body, "headers" keeps x-acs-action, x-acs-version,
content-type, x-acs-bearer-token and x-acs-signature-type where sent. Every case is meant to
be valid ("expect": "valid"); none is crafted to be refused. Timestamps, nonces and signatures
change on every run.
"""

import http.server
import json
import sys
import threading
from importlib.metadata import version
from pathlib import Path

HTTP_INPUT = "https://example-bucket.oss-cn-shanghai.aliyuncs.com/videos/intro.mp4"
COVER = "https://example-bucket.oss-cn-shanghai.aliyuncs.com/covers/intro.png"

# (case name, arguments under their wire names, params a validating library must refuse).
# Every case is valid: the third member is kept from the UpdateMediaInfo script for its shape.
CASES = [
    (
        "every-parameter",
        {
            "InputURL": HTTP_INPUT,
            "MediaType": "video",
            "BusinessType": "general",
            "Title": "Opening night",
            "Description": "line one\nline two",
            "MediaTags": "news,sports",
            "CoverURL": COVER,
            "UserData": '{"NotifyAddress":"http://example.com/cb"}',
            "Overwrite": True,
            "ClientToken": "0311a423d11a5f7dee7135350311a423",
            "RegisterConfig": '{"NeedSprite":"false","NeedSnapshot":true,'
            '"CoverConfig":{"StartTime":1.5},"SearchLibName":"test"}',
            "CateId": 3048,
            "WorkflowId": "c6b0a7e1d9f24f1b8d3e5a7c9b1d3f5e",
            "ReferenceId": "ref-0001",
            "SmartTagTemplateId": "S00000101-300080",
        },
        None,
    ),
    (
        "unicode",
        {
            "InputURL": "oss://example-bucket/视频/开幕式 2024.mp4",
            "Title": "开幕式 & 庆典 = 欢乐 + 100% 👍🏽",
            "Description": "第一行 👋🏿 a=b&c=d+e 50% 折扣\n第二行",
            "MediaTags": "新闻,体育",
        },
        None,
    ),
    (
        "overwrite-false",
        {"InputURL": "oss://example-bucket/videos/b.mp4", "Overwrite": False},
        None,
    ),
    (
        "overwrite-true-string-config",
        {
            "InputURL": "oss://example-bucket/videos/c.mp4",
            "Overwrite": True,
            "RegisterConfig": '{"NeedSprite":false}',
        },
        None,
    ),
    (
        "minimal",
        {"InputURL": "oss://example-bucket/a.mp3"},
        None,
    ),
]

# Parameters of the Tea model that aliyun-python-sdk-ice's RegisterMediaInfoRequest lacks.
NOT_IN_CORE = ("SmartTagTemplateId",)

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
    "BusinessType": "business_type",
    "CateId": "cate_id",
    "ClientToken": "client_token",
    "CoverURL": "cover_url",
    "Description": "description",
    "InputURL": "input_url",
    "MediaTags": "media_tags",
    "MediaType": "media_type",
    "Overwrite": "overwrite",
    "ReferenceId": "reference_id",
    "RegisterConfig": "register_config",
    "SmartTagTemplateId": "smart_tag_template_id",
    "Title": "title",
    "UserData": "user_data",
    "WorkflowId": "workflow_id",
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
    ]


def send_tea(client, sent):
    from alibabacloud_ice20201109 import models as ice_models

    request = ice_models.RegisterMediaInfoRequest(**{SNAKE[k]: v for k, v in sent.items()})
    response = client.register_media_info(request)
    assert response.status_code == 200 and response.body.media_id == "m", response


def core_args(sent):
    """The arguments the core SDK can take: those of `sent` it has a setter for."""
    return {k: v for k, v in sent.items() if k not in NOT_IN_CORE}


def send_core(port, method, sent):
    from aliyunsdkcore.client import AcsClient
    from aliyunsdkice.request.v20201109.RegisterMediaInfoRequest import RegisterMediaInfoRequest

    client = AcsClient("testid", "testsecret", "cn-shanghai", port=port, auto_retry=False)
    request = RegisterMediaInfoRequest()
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

    from aliyunsdkice.request.v20201109.RegisterMediaInfoRequest import RegisterMediaInfoRequest

    for name in SNAKE:
        has = hasattr(RegisterMediaInfoRequest, "set_" + name)
        assert has == (name not in NOT_IN_CORE), (name, has)

    tea = "alibabacloud-ice20201109 %s (alibabacloud-tea-openapi %s)" % (
        version("alibabacloud-ice20201109"),
        version("alibabacloud-tea-openapi"),
    )
    core = "aliyun-python-sdk-ice %s (aliyun-python-sdk-core %s)" % (
        version("aliyun-python-sdk-ice"),
        version("aliyun-python-sdk-core"),
    )
    # (sdk, mode, how the case's arguments are narrowed for this SDK, how they are sent)
    senders = [
        (tea, mode, dict, lambda s, c=client: send_tea(c, s)) for mode, client in tea_clients(port)
    ]
    senders += [
        (core, "core-" + m, core_args, lambda s, m=m: send_core(port, m, s))
        for m in ("POST", "GET")
    ]

    records = []
    for sdk, mode, narrow, send in senders:
        for case, args, invalid in CASES:
            sent = narrow(args)
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
