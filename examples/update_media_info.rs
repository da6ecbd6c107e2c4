//! The crate's runnable face.
//!
//! * `cargo run --example update_media_info`: a demonstration on built-in data.
//! * `cargo run --example update_media_info -- --json`: reads
//!   `{"media": <MediaBasicInfo>, "params": [["Name", "value"], …]}` from standard input,
//!   applies `from_params` then `apply_update`, and writes
//!   `{"media": <MediaBasicInfo>, "changed": [...]}` (exit 0) or
//!   `{"errors": [{"param", "code", "message"}, …]}` (exit 1), members in that order. Input
//!   that is not such an object: a message on standard error, exit 2. Other members of the
//!   object (a conformance case's `name` and `expect`) are ignored, so a case can be piped in
//!   as it is.
//!
//!   With `"action": "RegisterMediaInfo"` the object is a registration:
//!   `{"action", "media_id": "…", "existing": <MediaBasicInfo or null>, "params": [...]}`
//!   (the ID the service chose, and the asset already registered for the same object), and
//!   the answer `{"media": <MediaBasicInfo>, "replaced": "…" or null}` (exit 0) or the errors
//!   (exit 1).

use std::io::Read;
use std::process::ExitCode;

use ims_media::{
    apply_update, register, Error, ErrorResponse, GetMediaInfoResponse, MediaBasicInfo, MediaId,
    MediaInfo, RegisterMediaInfoRequest, UpdateMediaInfoRequest, UpdateMediaInfoResponse,
};
use serde::{Deserialize, Serialize};

#[derive(Deserialize)]
struct Case {
    /// Exactly as GetMediaInfo returns it: read-only members and a signed cover included.
    media: MediaBasicInfo,
    params: Vec<(String, String)>,
}

/// Which operation a case is for: `"action"`, UpdateMediaInfo when absent.
#[derive(Deserialize)]
struct Action {
    action: Option<String>,
}

/// A registration: the new asset's ID, the asset already registered for the object, the
/// request.
#[derive(Deserialize)]
struct RegisterCase {
    media_id: String,
    existing: Option<MediaBasicInfo>,
    params: Vec<(String, String)>,
}

/// `{"media": <MediaBasicInfo>, "replaced": "…" or null}`.
#[derive(Serialize)]
struct Registered<'a> {
    media: &'a MediaBasicInfo,
    replaced: Option<&'a str>,
}

/// `{"media": <MediaBasicInfo>, "changed": [...]}`: the members received, with the writable
/// ones updated (read-only members and a still-valid signed cover kept).
#[derive(Serialize)]
struct Updated<'a> {
    media: &'a MediaBasicInfo,
    changed: &'a [ims_media::Param],
}

/// `{"errors": [...]}`, with `"omitted": N` when the request had more problems than listed.
#[derive(Serialize)]
struct Errors<'a, E> {
    errors: &'a [E],
    #[serde(skip_serializing_if = "is_zero")]
    omitted: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [] => demo(),
        [flag] if flag == "--json" => run_json(),
        _ => {
            eprintln!("usage: update_media_info [--json]");
            ExitCode::from(2)
        }
    }
}

/// `{"errors": [...]}` of a request's problems.
fn request_errors(e: &ims_media::RequestError) -> serde_json::Result<String> {
    serde_json::to_string(&Errors {
        errors: e.errors(),
        omitted: e.omitted(),
    })
}

/// `{"errors": [...]}` of one problem of the operation itself.
fn one_error<E: Serialize>(e: &E) -> serde_json::Result<String> {
    serde_json::to_string(&Errors {
        errors: std::slice::from_ref(e),
        omitted: 0,
    })
}

/// Prints the answer, exit `status`; a failure to write it is the example's own.
fn print_result(output: serde_json::Result<String>, status: u8) -> ExitCode {
    match output {
        Ok(output) => {
            println!("{output}");
            ExitCode::from(status)
        }
        Err(e) => {
            eprintln!("cannot write the result as JSON: {e}");
            ExitCode::FAILURE
        }
    }
}

/// A registration case (see the module's documentation).
fn run_register(input: &str) -> ExitCode {
    let bad = |e: &dyn std::fmt::Display| {
        eprintln!("standard input is not a registration object: {e}");
        ExitCode::from(2)
    };
    let case: RegisterCase = match serde_json::from_str(input) {
        Ok(case) => case,
        Err(e) => return bad(&e),
    };
    let media_id: MediaId = match case.media_id.parse() {
        Ok(id) => id,
        Err(e) => return bad(&e),
    };
    let existing = match case.existing.as_ref().map(MediaInfo::try_from).transpose() {
        Ok(existing) => existing,
        Err(e) => return bad(&e),
    };
    let (output, status) =
        match RegisterMediaInfoRequest::from_params(case.params.iter().map(|(k, v)| (k, v))) {
            Err(e) => (request_errors(&e), 1),
            Ok(request) => match register(&request, media_id, existing.as_ref()) {
                Ok(outcome) => {
                    // The stored document: the asset's members, `Status` `Init` until IMS has
                    // processed the file.
                    let basic = outcome.document();
                    let registered = Registered {
                        media: &basic,
                        replaced: outcome.replaced.as_ref().map(MediaId::as_str),
                    };
                    (serde_json::to_string(&registered), 0)
                }
                Err(e) => (one_error(&e), 1),
            },
        };
    print_result(output, status)
}

fn run_json() -> ExitCode {
    let mut input = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut input) {
        eprintln!("cannot read standard input: {e}");
        return ExitCode::from(2);
    }
    // A derived struct would also read a JSON array `[media, params]`: only an object is
    // the documented input.
    if !input.trim_start().starts_with('{') {
        eprintln!("standard input is not a {{\"media\", \"params\"}} object: not a JSON object");
        return ExitCode::from(2);
    }
    if let Ok(Action {
        action: Some(action),
    }) = serde_json::from_str::<Action>(&input)
    {
        if action == "RegisterMediaInfo" {
            return run_register(&input);
        }
    }
    let mut case: Case = match serde_json::from_str(&input) {
        Ok(case) => case,
        Err(e) => {
            eprintln!("standard input is not a {{\"media\", \"params\"}} object: {e}");
            return ExitCode::from(2);
        }
    };
    // The stored asset the request applies to: the cover without its signature.
    let media = match MediaInfo::try_from(&case.media) {
        Ok(media) => media,
        Err(e) => {
            eprintln!("standard input is not a {{\"media\", \"params\"}} object: {e}");
            return ExitCode::from(2);
        }
    };
    // Written straight from the values (not through `serde_json::Value`, which would sort
    // the members): `media` before `changed`, MediaBasicInfo fields in table order.
    let (output, status) =
        match UpdateMediaInfoRequest::from_params(case.params.iter().map(|(k, v)| (k, v))) {
            Err(e) => (request_errors(&e), 1),
            Ok(request) => match apply_update(&media, &request) {
                Ok(outcome) => {
                    case.media.set_writable(&outcome.media);
                    let updated = Updated {
                        media: &case.media,
                        changed: &outcome.changed,
                    };
                    (serde_json::to_string(&updated), 0)
                }
                Err(e) => (one_error(&e), 1),
            },
        };
    print_result(output, status)
}

fn demo() -> ExitCode {
    match try_demo() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("demonstration failed: {e}");
            ExitCode::FAILURE
        }
    }
}

fn try_demo() -> Result<(), Box<dyn std::error::Error>> {
    println!(
        "What this shows: a file registered as an asset (RegisterMediaInfo), the asset read as \
         GetMediaInfo returns it, updated (UpdateMediaInfo) and stored back, and requests refused \
         with every problem at once.\n"
    );
    // 0. A registration as the official SDKs send it (`Overwrite=True` as the Python SDK
    // writes it), and the stored document it makes.
    let query = "Action=RegisterMediaInfo&Version=2020-11-09\
                 &InputURL=https%3A%2F%2Fexample-bucket.oss-cn-shanghai.aliyuncs.com%2Fvideos%2Fintro.mp4\
                 &Title=Intro&MediaTags=news%2Csports&CateId=3048\
                 &RegisterConfig=%7B%22NeedSprite%22%3A%22false%22%7D";
    println!("register request (query form):\n{query}\n");
    let registration = RegisterMediaInfoRequest::from_query(query)?;
    let registered = register(
        &registration,
        "2b36bd19c13f4145b094c0cad80dbce5".parse()?,
        None,
    )?;
    let document = registered.document();
    println!(
        "stored document (MediaType inferred from .mp4, Status Init until IMS has processed the \
         file):\n{}",
        serde_json::to_string_pretty(&document)?
    );
    println!("to start: RegisterConfig {}\n", registered.register_config);
    println!(
        "200 {}\n",
        serde_json::json!({"RequestId": "0C3F9B7A-2D1E-4F5A", "MediaId": registered.media.media_id})
    );

    // 1. The asset as GetMediaInfo returns it: read-only members, a cover signed for reading.
    let response = r#"{"RequestId": "2FDE2411-DB8D-4A9A-875B-275798F14A5E", "MediaInfo": {
        "MediaId": "2b36bd19c13f4145b094c0cad80dbce5", "MediaBasicInfo": {
            "MediaId": "2b36bd19c13f4145b094c0cad80dbce5",
            "InputURL": "https://example-bucket.oss-cn-shanghai.aliyuncs.com/videos/intro.mp4",
            "MediaType": "video", "Status": "Normal", "Title": "Intro", "MediaTags": "news,sports",
            "CoverURL": "http://example-bucket.oss-cn-shanghai.aliyuncs.com/intro.png?Expires=1700000000&OSSAccessKeyId=LTAI0000&Signature=c2ln&security-token=CAIS",
            "CateId": 3048}}}"#;
    println!("GetMediaInfo response:\n{response}\n");
    let response: GetMediaInfoResponse = serde_json::from_str(response)?;
    let media = response.media()?;
    println!(
        "stored asset (the cover without its signature):\n{}\n",
        serde_json::to_string_pretty(&media)?
    );

    // 2. An update request as the official SDKs send it.
    let query = "Action=UpdateMediaInfo&Version=2020-11-09\
                 &InputURL=oss%3A%2F%2Fexample-bucket%2Fvideos%2Fintro.mp4\
                 &Title=Opening+night+%E2%80%94+%E5%BC%80%E5%B9%95&Description=\
                 &MediaTags=sports%2C+weather&AppendTags=True&BusinessType=opening";
    println!("update request (query form):\n{query}\n");
    let request = UpdateMediaInfoRequest::from_query(query)?;
    let outcome = apply_update(&media, &request)?;
    let changed: Vec<&str> = outcome.changed.iter().map(|p| p.name()).collect();
    println!("changed: {}", changed.join(", "));
    println!(
        "  the oss:// InputURL found the asset: it names the same bucket and key as the stored \
         https:// URL"
    );
    println!("  Description= is not a change: the asset had no description to clear");
    println!(
        "  AppendTags=True (as the Python SDK writes a boolean) appends MediaTags=sports, weather: \
         sports is already a tag and is skipped, \" weather\" is trimmed and added"
    );
    println!(
        "  the same request again changes: {:?}\n",
        apply_update(&outcome.media, &request)?.changed
    );

    // 3. What the service stores and answers.
    println!(
        "merge patch to store (RFC 7396):\n{}\n",
        serde_json::to_string(&outcome.merge_patch())?
    );
    let answer = UpdateMediaInfoResponse {
        request_id: "6F3B3D04-6A9E-4A5B-9E5C-1F2B3C4D5E6F".to_owned(),
        media_id: outcome.media.media_id.clone(),
    };
    println!("200 {}\n", serde_json::to_string(&answer)?);

    // 4. A rejected request: every problem at once, as the API's error body.
    let bad = "MediaId=****20b48fb04483915d4f2cd8ac****&Title=%07bell&CateId=-5\
               &BusinessType=video&MediaTags=a%2C%2Cb&Tittle=x";
    println!("rejected request:\n{bad}");
    let problems = match UpdateMediaInfoRequest::from_query(bad) {
        Ok(_) => return Err("the rejected request was accepted".into()),
        Err(e) => e,
    };
    println!("its problems, all found at once, in parameter order:");
    for problem in problems.errors() {
        println!("  {problem}");
    }
    let err = Error::from(problems);
    let body = ErrorResponse::new(&err, "7A1C2E3D-0B4F-4C5D", "ice.cn-shanghai.aliyuncs.com");
    println!(
        "the error body carries them joined by \"; \":\n{} {}\n",
        body.http_status(),
        serde_json::to_string_pretty(&body)?
    );

    // 5. Refused registrations: the file is already registered (without Overwrite), and a
    // subtitle file with BusinessType general.
    let again = RegisterMediaInfoRequest::from_query(
        "InputURL=oss%3A%2F%2Fexample-bucket%2Fvideos%2Fintro.mp4",
    )?;
    println!("register again: InputURL=oss://example-bucket/videos/intro.mp4");
    let err: Error = match register(
        &again,
        "0c1d2e3f405162738495a6b7c8d9e0f1".parse()?,
        Some(&media),
    ) {
        Ok(_) => return Err("a registered file was registered again".into()),
        Err(e) => e.into(),
    };
    let body = ErrorResponse::new(&err, "8B2D3F4E-1C5A-4D6E", "ice.cn-shanghai.aliyuncs.com");
    println!(
        "{} {}\n",
        body.http_status(),
        serde_json::to_string_pretty(&body)?
    );
    let text = "InputURL=oss%3A%2F%2Fexample-bucket%2Fsubs%2Fintro.srt&BusinessType=general";
    println!("register a subtitle file:\n{text}");
    let err: Error = match RegisterMediaInfoRequest::from_query(text) {
        Ok(_) => return Err("a text asset with BusinessType general was accepted".into()),
        Err(e) => e.into(),
    };
    let body = ErrorResponse::new(&err, "9C3E4A5F-2D6B-4E7F", "ice.cn-shanghai.aliyuncs.com");
    println!(
        "{} {}",
        body.http_status(),
        serde_json::to_string_pretty(&body)?
    );
    Ok(())
}
