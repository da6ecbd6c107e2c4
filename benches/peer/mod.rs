//! The peer: the crate's request rules written the way a user of `garde` would write them, on
//! a struct of `Option<String>` fields built from the wire pairs.
//!
//! Each rule is the crate's rule , with garde's own rules where one fits (byte
//! lengths, regex patterns) and custom validators where none does (control characters, the
//! tag list, `CateId`, the `BusinessType` list, the object key of `InputURL`). An empty value
//! is valid everywhere (it clears the field, or counts as absent for `MediaId`/`InputURL`).
//! Building the struct checks names, repetition and the `Action`/`Version` values; garde's
//! `Report` is returned as it is, not formatted, as the crate returns typed errors.

// garde's derive emits a `cfg` on a feature of garde's own.
#![allow(unexpected_cfgs)]

use garde::Validate;

/// The request as a struct of optional strings, checked by garde.
#[derive(Debug, Default, Validate)]
pub struct Request {
    #[garde(pattern(r"^[A-Za-z0-9_-]{0,64}$"), custom(check_target_given(&self.input_url)))]
    pub media_id: Option<String>,
    #[garde(length(bytes, max = 4096), pattern(r"^(?:|[oO][sS][sS]://[a-zA-Z0-9][a-zA-Z0-9-]{1,61}[a-zA-Z0-9]/[^?#\x00-\x1F\x7F-\x9F]+|[hH][tT][tT][pP][sS]?://[a-zA-Z0-9][a-zA-Z0-9-]{1,61}[a-zA-Z0-9]\.(?:[oO][sS][sS]-[a-zA-Z0-9-]{1,63}|[a-zA-Z0-9-]{1,63}\.[oO][sS][sS])\.[aA][lL][iI][yY][uU][nN][cC][sS]\.[cC][oO][mM]/[^?#\x00-\x1F\x7F-\x9F]+|[vV][oO][dD]://[A-Za-z0-9_-]{1,64})$"), custom(check_object_key))]
    pub input_url: Option<String>,
    #[garde(custom(check_business_type))]
    pub business_type: Option<String>,
    #[garde(length(bytes, max = 128), custom(check_no_controls))]
    pub title: Option<String>,
    #[garde(length(bytes, max = 1024), custom(check_no_controls_but_tab_lf_cr))]
    pub description: Option<String>,
    #[garde(length(bytes, max = 64), custom(check_no_controls))]
    pub category: Option<String>,
    #[garde(custom(check_media_tags))]
    pub media_tags: Option<String>,
    #[garde(length(bytes, max = 128), pattern(r"^(?:|[hH][tT][tT][pP][sS]?://(?:\[[0-9A-Fa-f:.]+\]|[^/?#@:\[\]\x00-\x20\x7F-\xA0\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}]+)(?::[0-9]{1,5})?(?:[/?#][^\x00-\x20\x7F-\xA0\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}]*)?)$"))]
    pub cover_url: Option<String>,
    #[garde(length(bytes, max = 1024), custom(check_no_controls_but_tab_lf_cr))]
    pub user_data: Option<String>,
    #[garde(custom(check_append_tags))]
    pub append_tags: Option<String>,
    #[garde(custom(check_cate_id))]
    pub cate_id: Option<String>,
    #[garde(pattern(r"^(?:[A-Za-z0-9_-]{6,64})?$"))]
    pub reference_id: Option<String>,
}

/// What went wrong: the problems found while building (unknown or repeated names, a wrong
/// `Action` or `Version`), and garde's report.
#[derive(Debug)]
pub struct Errors {
    pub build: Vec<String>,
    pub report: Option<garde::Report>,
}

impl Errors {
    pub fn len(&self) -> usize {
        self.build.len() + self.report.as_ref().map_or(0, |r| r.iter().count())
    }
}

/// Builds the struct from the pairs and validates it.
pub fn from_params(pairs: &[(&str, &str)]) -> Result<Request, Errors> {
    let mut r = Request::default();
    let mut build = Vec::new();
    for &(name, value) in pairs {
        let slot = match name {
            "MediaId" => &mut r.media_id,
            "InputURL" => &mut r.input_url,
            "BusinessType" => &mut r.business_type,
            "Title" => &mut r.title,
            "Description" => &mut r.description,
            "Category" => &mut r.category,
            "MediaTags" => &mut r.media_tags,
            "CoverURL" => &mut r.cover_url,
            "UserData" => &mut r.user_data,
            "AppendTags" => &mut r.append_tags,
            "CateId" => &mut r.cate_id,
            "ReferenceId" => &mut r.reference_id,
            "Action" if value != "UpdateMediaInfo" => {
                build.push(format!("invalid Action: {value:?}"));
                continue;
            }
            "Version" if value != "2020-11-09" => {
                build.push(format!("invalid Version: {value:?}"));
                continue;
            }
            // The same ignored names as the crate (a user would copy its public list).
            _ if ims_media::UpdateMediaInfoRequest::COMMON_PARAMETERS.contains(&name) => continue,
            _ => {
                build.push(format!("unknown parameter {name:?}"));
                continue;
            }
        };
        if slot.is_some() {
            build.push(format!("{name} given more than once"));
        } else {
            *slot = Some(value.to_owned());
        }
    }
    let report = r.validate().err();
    if build.is_empty() && report.is_none() {
        Ok(r)
    } else {
        Err(Errors { build, report })
    }
}

type Field = Option<String>;

fn check_target_given(input_url: &Field) -> impl FnOnce(&Field, &()) -> garde::Result + '_ {
    move |media_id, _| {
        let given = |f: &Field| f.as_deref().is_some_and(|s| !s.is_empty());
        if given(media_id) || given(input_url) {
            Ok(())
        } else {
            Err(garde::Error::new("MediaId or InputURL is required"))
        }
    }
}

fn check_no_controls(v: &Field, _: &()) -> garde::Result {
    match v
        .as_deref()
        .and_then(|s| s.chars().find(|c| c.is_control()))
    {
        Some(c) => Err(garde::Error::new(format!("control character {c:?}"))),
        None => Ok(()),
    }
}

fn check_no_controls_but_tab_lf_cr(v: &Field, _: &()) -> garde::Result {
    let refused = |c: &char| c.is_control() && !matches!(c, '\t' | '\n' | '\r');
    match v.as_deref().and_then(|s| s.chars().find(refused)) {
        Some(c) => Err(garde::Error::new(format!("control character {c:?}"))),
        None => Ok(()),
    }
}

fn check_business_type(v: &Field, _: &()) -> garde::Result {
    const ALL: [&str; 11] = [
        "subtitles",
        "font",
        "watermark",
        "opening",
        "ending",
        "general",
        "default",
        "cover",
        "sticker",
        "bgm",
        "bgi",
    ];
    match v.as_deref() {
        None | Some("") => Ok(()),
        Some(s) if ALL.contains(&s) => Ok(()),
        Some(s) => Err(garde::Error::new(format!("{s:?} is not a business type"))),
    }
}

fn check_media_tags(v: &Field, _: &()) -> garde::Result {
    let Some(list) = v.as_deref() else {
        return Ok(());
    };
    if list.trim().is_empty() {
        return Ok(());
    }
    let mut distinct: Vec<&str> = Vec::new();
    for (i, tag) in list.split(',').map(str::trim).enumerate() {
        if tag.is_empty() || tag.len() > 32 || tag.chars().any(char::is_control) {
            return Err(garde::Error::new(format!("tag {}: invalid", i + 1)));
        }
        if !distinct.contains(&tag) {
            distinct.push(tag);
        }
        if distinct.len() > 16 {
            return Err(garde::Error::new("more than 16 distinct tags"));
        }
    }
    Ok(())
}

fn check_append_tags(v: &Field, _: &()) -> garde::Result {
    match v.as_deref() {
        None | Some("") => Ok(()),
        Some(s) if s.eq_ignore_ascii_case("true") || s.eq_ignore_ascii_case("false") => Ok(()),
        Some(s) => Err(garde::Error::new(format!("{s:?} is not a boolean"))),
    }
}

fn check_cate_id(v: &Field, _: &()) -> garde::Result {
    match v.as_deref() {
        None | Some("") => Ok(()),
        Some(s)
            if s.bytes().all(|b| b.is_ascii_digit()) && s.parse::<i64>().is_ok_and(|n| n >= 1) =>
        {
            Ok(())
        }
        Some(s) => Err(garde::Error::new(format!("{s:?} is not a category ID"))),
    }
}

/// The object key of an OSS URL (after the `/` that ends the host): valid escapes, 1 to
/// 1,023 bytes decoded, UTF-8, no leading `/` or `\`, no control character.
fn check_object_key(v: &Field, _: &()) -> garde::Result {
    let Some(url) = v.as_deref() else {
        return Ok(());
    };
    let Some((scheme, rest)) = url.split_once("://") else {
        return Ok(()); // Empty, or refused by the pattern.
    };
    if scheme.eq_ignore_ascii_case("vod") {
        return Ok(());
    }
    let Some((_, raw)) = rest.split_once('/') else {
        return Ok(());
    };
    let bytes = raw.as_bytes();
    let mut key = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = raw
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .ok_or_else(|| garde::Error::new("bad percent escape"))?;
            key.push(hex);
            i += 3;
        } else {
            key.push(bytes[i]);
            i += 1;
        }
    }
    if key.is_empty() || key.len() > 1023 {
        return Err(garde::Error::new("object key must be 1 to 1023 bytes"));
    }
    let key = String::from_utf8(key).map_err(|_| garde::Error::new("key is not UTF-8"))?;
    if key.starts_with(['/', '\\']) || key.chars().any(char::is_control) {
        return Err(garde::Error::new("bad object key"));
    }
    Ok(())
}

/// The JSON floor: the request's object decoded into plain strings by serde, nothing checked.
#[derive(Debug, serde::Deserialize)]
#[allow(dead_code)]
pub struct JsonStrings {
    #[serde(rename = "MediaId")]
    media_id: Option<String>,
    #[serde(rename = "InputURL")]
    input_url: Option<String>,
    #[serde(rename = "BusinessType")]
    business_type: Option<String>,
    #[serde(rename = "Title")]
    title: Option<String>,
    #[serde(rename = "Description")]
    description: Option<String>,
    #[serde(rename = "Category")]
    category: Option<String>,
    #[serde(rename = "MediaTags")]
    media_tags: Option<String>,
    #[serde(rename = "CoverURL")]
    cover_url: Option<String>,
    #[serde(rename = "UserData")]
    user_data: Option<String>,
    #[serde(rename = "AppendTags")]
    append_tags: Option<bool>,
    #[serde(rename = "CateId")]
    cate_id: Option<i64>,
    #[serde(rename = "ReferenceId")]
    reference_id: Option<String>,
}

/// RegisterMediaInfo's rules the way a `garde` user would write them: the shared parameters
/// with the validators above, `UserData` and `RegisterConfig` through `serde_json`, the
/// MediaType pairing as a custom check.
pub mod register {
    use garde::Validate;

    use super::{
        check_append_tags as check_bool, check_business_type, check_cate_id, check_media_tags,
        check_no_controls, check_no_controls_but_tab_lf_cr, check_object_key, Errors, Field,
    };

    /// The registration as a struct of optional strings, checked by garde.
    #[derive(Debug, Default, Validate)]
    pub struct Request {
        #[garde(required, length(bytes, min = 1, max = 4096), pattern(r"^(?:[oO][sS][sS]://[a-zA-Z0-9][a-zA-Z0-9-]{1,61}[a-zA-Z0-9]/[^?#\x00-\x1F\x7F-\x9F]+|[hH][tT][tT][pP][sS]?://[a-zA-Z0-9][a-zA-Z0-9-]{1,61}[a-zA-Z0-9]\.(?:[oO][sS][sS]-[a-zA-Z0-9-]{1,63}|[a-zA-Z0-9-]{1,63}\.[oO][sS][sS])\.[aA][lL][iI][yY][uU][nN][cC][sS]\.[cC][oO][mM]/[^?#\x00-\x1F\x7F-\x9F]+|[vV][oO][dD]://[A-Za-z0-9_-]{1,64})$"), custom(check_object_key))]
        pub input_url: Field,
        #[garde(pattern(r"^(?:|image|video|audio|text)$"))]
        pub media_type: Field,
        #[garde(custom(check_business_type), custom(check_pairing(&self.media_type, &self.input_url)))]
        pub business_type: Field,
        #[garde(length(bytes, max = 128), custom(check_no_controls))]
        pub title: Field,
        #[garde(length(bytes, max = 1024), custom(check_no_controls_but_tab_lf_cr))]
        pub description: Field,
        #[garde(custom(check_media_tags))]
        pub media_tags: Field,
        #[garde(length(bytes, max = 128), pattern(r"^(?:|[hH][tT][tT][pP][sS]?://[^/?#@\x00-\x20\x7F-\xA0]+(?:[/?#][^\x00-\x20\x7F-\xA0]*)?)$"))]
        pub cover_url: Field,
        #[garde(
            length(bytes, max = 1024),
            custom(check_no_controls_but_tab_lf_cr),
            custom(check_json_object)
        )]
        pub user_data: Field,
        #[garde(custom(check_bool))]
        pub overwrite: Field,
        #[garde(pattern(r"^[A-Za-z0-9_-]{0,64}$"))]
        pub client_token: Field,
        #[garde(length(bytes, max = 4096), custom(check_register_config))]
        pub register_config: Field,
        #[garde(custom(check_cate_id))]
        pub cate_id: Field,
        #[garde(pattern(r"^[A-Za-z0-9_-]{0,64}$"))]
        pub workflow_id: Field,
        #[garde(pattern(r"^(?:[A-Za-z0-9_-]{6,64})?$"))]
        pub reference_id: Field,
        #[garde(pattern(r"^[A-Za-z0-9_-]{0,64}$"))]
        pub smart_tag_template_id: Field,
    }

    /// Builds the struct from the pairs and validates it.
    pub fn from_params(pairs: &[(&str, &str)]) -> Result<Request, Errors> {
        let mut r = Request::default();
        let mut build = Vec::new();
        for &(name, value) in pairs {
            let slot = match name {
                "InputURL" => &mut r.input_url,
                "MediaType" => &mut r.media_type,
                "BusinessType" => &mut r.business_type,
                "Title" => &mut r.title,
                "Description" => &mut r.description,
                "MediaTags" => &mut r.media_tags,
                "CoverURL" => &mut r.cover_url,
                "UserData" => &mut r.user_data,
                "Overwrite" => &mut r.overwrite,
                "ClientToken" => &mut r.client_token,
                "RegisterConfig" => &mut r.register_config,
                "CateId" => &mut r.cate_id,
                "WorkflowId" => &mut r.workflow_id,
                "ReferenceId" => &mut r.reference_id,
                "SmartTagTemplateId" => &mut r.smart_tag_template_id,
                "Action" if value != "RegisterMediaInfo" => {
                    build.push(format!("invalid Action: {value:?}"));
                    continue;
                }
                "Version" if value != "2020-11-09" => {
                    build.push(format!("invalid Version: {value:?}"));
                    continue;
                }
                _ if ims_media::RegisterMediaInfoRequest::COMMON_PARAMETERS.contains(&name) => {
                    continue
                }
                _ => {
                    build.push(format!("unknown parameter {name:?}"));
                    continue;
                }
            };
            if slot.is_some() {
                build.push(format!("{name} given more than once"));
            } else {
                *slot = Some(value.to_owned());
            }
        }
        let report = r.validate().err();
        if build.is_empty() && report.is_none() {
            Ok(r)
        } else {
            Err(Errors { build, report })
        }
    }

    fn check_json_object(v: &Field, _: &()) -> garde::Result {
        match v.as_deref() {
            None | Some("") => Ok(()),
            Some(s) => match serde_json::from_str::<serde_json::Value>(s) {
                Ok(serde_json::Value::Object(_)) => Ok(()),
                _ => Err(garde::Error::new("not a JSON object")),
            },
        }
    }

    fn check_register_config(v: &Field, _: &()) -> garde::Result {
        let Some(s) = v.as_deref().filter(|s| !s.is_empty()) else {
            return Ok(());
        };
        let Ok(serde_json::Value::Object(members)) = serde_json::from_str(s) else {
            return Err(garde::Error::new("not a JSON object"));
        };
        let flag = |v: &serde_json::Value| match v {
            serde_json::Value::Bool(_) => true,
            serde_json::Value::String(s) => {
                s.eq_ignore_ascii_case("true") || s.eq_ignore_ascii_case("false")
            }
            _ => false,
        };
        for (name, value) in &members {
            let ok = match name.as_str() {
                "NeedSprite" | "NeedSnapshot" => flag(value),
                "CoverConfig" => value.as_object().is_some_and(|c| {
                    c.iter()
                        .all(|(k, v)| k == "StartTime" && v.as_f64().is_some_and(|t| t >= 0.0))
                }),
                "SearchLibName" => value
                    .as_str()
                    .is_some_and(|s| !s.is_empty() && s.len() <= 64),
                _ => false,
            };
            if !ok {
                return Err(garde::Error::new(format!("member {name}")));
            }
        }
        Ok(())
    }

    fn check_pairing<'a>(
        media_type: &'a Field,
        input_url: &'a Field,
    ) -> impl FnOnce(&Field, &()) -> garde::Result + 'a {
        move |business_type, _| {
            const TEXT: [&str; 6] = ["srt", "vtt", "ass", "ttf", "ttc", "fon"];
            let inferred_text = || {
                input_url.as_deref().is_some_and(|u| {
                    !u.get(..6).is_some_and(|s| s.eq_ignore_ascii_case("vod://"))
                        && u.rsplit('/')
                            .next()
                            .and_then(|s| s.rsplit_once('.'))
                            .is_some_and(|(_, e)| TEXT.iter().any(|t| t.eq_ignore_ascii_case(e)))
                })
            };
            let text = match media_type.as_deref() {
                Some("") | None => inferred_text(),
                Some(t) => t == "text",
            };
            if text && !matches!(business_type.as_deref(), Some("subtitles" | "font")) {
                Err(garde::Error::new("text requires subtitles or font"))
            } else {
                Ok(())
            }
        }
    }
}
