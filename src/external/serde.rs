//! The `serde` feature: the impls of the JSON shapes described in the public module
//! [`crate::json`].

use std::fmt;

use serde::de::{self, IgnoredAny, MapAccess, Visitor};
use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::Quoted;
use crate::update::UpdateDraft;
use crate::value::Json;
use crate::wire::{Collector, Draft};
use crate::{
    BusinessType, CateId, Category, CoverUrl, Description, ErrorCode, GetMediaInfoResponse,
    InputUrl, MediaBasicInfo, MediaId, MediaInfo, MediaTags, MediaTarget, Param, ParamError,
    ReferenceId, RequestError, Tag, Title, UpdateError, UpdateMediaInfoRequest, UserData,
};
use crate::{Error, MergePatch, ParamErrorKind};

/// Serialize as the string, deserialize through `FromStr`.
macro_rules! serde_via_str {
    ($($ty:ty),*) => {$(
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                s.parse().map_err(de::Error::custom)
            }
        }
    )*};
}

serde_via_str!(
    MediaId,
    InputUrl,
    Title,
    Description,
    Category,
    Tag,
    MediaTags,
    CoverUrl,
    UserData,
    ReferenceId,
    BusinessType,
    crate::MediaType,
    crate::ClientToken,
    crate::WorkflowId,
    crate::SmartTagTemplateId,
    crate::RegisterConfig
);

impl Serialize for Param {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for Param {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(de::Error::custom)
    }
}

impl Serialize for ErrorCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ErrorCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        ErrorCode::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| de::Error::custom(format_args!("unknown error code {}", Quoted(&s))))
    }
}

impl Serialize for CateId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(self.get())
    }
}

impl<'de> Deserialize<'de> for CateId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Scalar::deserialize(d)? {
            Scalar::Int(n) => CateId::try_from(n).map_err(de::Error::custom),
            Scalar::Str(s) | Scalar::OtherNumber(s) => s.parse().map_err(de::Error::custom),
            Scalar::Fraction(v) => Err(de::Error::custom(format_args!(
                "invalid CateId: {}, expected an integer",
                fraction(v)
            ))),
            other => Err(de::Error::custom(format_args!(
                "invalid CateId: {}, expected a number or a string of digits",
                other.describe()
            ))),
        }
    }
}

/// A JSON number with a fraction or an exponent, for a message: as the reader read it.
fn fraction(v: f64) -> String {
    format!("a number with a fraction or an exponent (read as {v:?})")
}

/// A JSON scalar, for the fields that take more than one JSON type.
enum Scalar {
    Null,
    Bool(bool),
    Int(i64),
    /// An integer too large for an `i64`, as written.
    OtherNumber(String),
    /// A number with a fraction or an exponent.
    Fraction(f64),
    Str(String),
    /// An array or an object, skipped without being kept: never a parameter's value.
    Compound(&'static str),
}

impl Scalar {
    fn describe(&self) -> String {
        match self {
            Scalar::Compound(what) => (*what).to_owned(),
            Scalar::Null => "null".to_owned(),
            Scalar::Bool(b) => b.to_string(),
            Scalar::Int(n) => n.to_string(),
            Scalar::OtherNumber(n) => n.clone(),
            Scalar::Fraction(v) => fraction(*v),
            Scalar::Str(s) => crate::Excerpt::new(s).to_string(),
        }
    }
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Scalar;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string, a number, a boolean or null")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Scalar, E> {
                Ok(Scalar::Null)
            }
            fn visit_none<E: de::Error>(self) -> Result<Scalar, E> {
                Ok(Scalar::Null)
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalar, E> {
                Ok(Scalar::Bool(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar::Int(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
                Ok(i64::try_from(v)
                    .map_or_else(|_| Scalar::OtherNumber(v.to_string()), Scalar::Int))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
                // A JSON float (`1.5`, `3048.0`, `1e3`) is never taken for an integer.
                Ok(Scalar::Fraction(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar::Str(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Scalar, E> {
                Ok(Scalar::Str(v))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Scalar, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Scalar::Compound("an array"))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Scalar, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Scalar::Compound("an object"))
            }
        }
        d.deserialize_any(V)
    }
}

impl Serialize for UpdateMediaInfoRequest {
    /// An object with the wire names: fields to keep are absent, fields to clear are `null`,
    /// `CateId` is a number and `AppendTags` a boolean.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_params(s, &self.to_params())
    }
}

/// Wire parameters as a JSON object: each value as its parameter's JSON type.
fn serialize_params<S: Serializer>(
    s: S,
    params: &[(&'static str, String)],
) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(params.len()))?;
    for (name, value) in params {
        map.serialize_key(name)?;
        json_value(&mut map, crate::param::lookup(name), value)?;
    }
    map.end()
}

/// Writes the wire text `value` of `param` as its JSON type: `null` for an empty value, a
/// number for an integer parameter, a boolean for a flag.
fn json_value<M: SerializeMap>(
    map: &mut M,
    param: Option<Param>,
    value: &str,
) -> Result<(), M::Error> {
    if value.is_empty() {
        return map.serialize_value(&());
    }
    match param.map(Param::json) {
        Some(Json::Integer) => match value.parse::<i64>() {
            Ok(n) => map.serialize_value(&n),
            Err(_) => map.serialize_value(value),
        },
        Some(Json::Boolean) => map.serialize_value(&value.eq_ignore_ascii_case("true")),
        Some(Json::String) | None => map.serialize_value(value),
    }
}

impl<'de> Deserialize<'de> for UpdateMediaInfoRequest {
    /// Read with the rules of [`UpdateMediaInfoRequest::from_params`], each member handed to
    /// the parser as it is read: no value or name is copied (a long name keeps only what an
    /// error quotes), so memory stays bounded whatever the input's size, except for what the
    /// JSON reader itself needs to unescape a string.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = UpdateMediaInfoRequest;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an UpdateMediaInfo request object")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                read_request::<UpdateDraft, A>(map)
            }
        }
        d.deserialize_map(V)
    }
}

impl Serialize for crate::RegisterMediaInfoRequest {
    /// An object with the wire names of the parameters given: `CateId` a number, `Overwrite`
    /// a boolean (only when true), the others strings (`RegisterConfig` as its compact JSON
    /// text, as on the wire).
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_params(s, &self.to_params())
    }
}

impl<'de> Deserialize<'de> for crate::RegisterMediaInfoRequest {
    /// Read with the rules of [`RegisterMediaInfoRequest::from_params`](crate::RegisterMediaInfoRequest::from_params),
    /// as UpdateMediaInfo's request is.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = crate::RegisterMediaInfoRequest;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a RegisterMediaInfo request object")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                read_request::<crate::register::RegisterDraft, A>(map)
            }
        }
        d.deserialize_map(V)
    }
}

/// The members of a request object, each handed to the collector of the operation `R` as it
/// is read.
fn read_request<'de, R: Draft, A: MapAccess<'de>>(mut map: A) -> Result<R::Request, A::Error> {
    let mut collector = Collector::<R>::default();
    while let Some((name, len)) = map.next_key_seed(NameSeed)? {
        map.next_value_seed(MemberSeed {
            collector: &mut collector,
            name: &name,
            len,
        })?;
    }
    collector.finish().map_err(de::Error::custom)
}

/// A member name of a request object and its length: borrowed from the input where the reader
/// can, and of a name longer than any parameter's, only the first bytes (all an error quotes
/// of it).
struct NameSeed;

impl<'de> de::DeserializeSeed<'de> for NameSeed {
    type Value = (std::borrow::Cow<'de, str>, usize);

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        struct N;
        impl<'de> Visitor<'de> for N {
            type Value = (std::borrow::Cow<'de, str>, usize);
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a member name")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok((std::borrow::Cow::Borrowed(v), v.len()))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                // One byte more than an error keeps, so that it still shows it is shortened.
                let mut end = v.len().min(crate::Excerpt::MAX_BYTES + 4);
                while !v.is_char_boundary(end) {
                    end -= 1;
                }
                let prefix = v
                    .get(..end)
                    .expect("`end` was moved back to a character boundary")
                    .to_owned();
                Ok((std::borrow::Cow::Owned(prefix), v.len()))
            }
        }
        d.deserialize_str(N)
    }
}

/// The value of the member `name`, handed to the request parser as it is read, whatever its
/// JSON type: a value of a type the parameter does not take is handed over as
/// [`ParamErrorKind::WrongType`](crate::ParamErrorKind::WrongType), so that repeats, unknown,
/// retired and ignored common names are told apart as for wire pairs.
struct MemberSeed<'a, R> {
    collector: &'a mut Collector<R>,
    name: &'a str,
    /// The length of the whole name, which `name` may hold only the start of.
    len: usize,
}

impl<'de, R: Draft> de::DeserializeSeed<'de> for MemberSeed<'_, R> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<R: Draft> MemberSeed<'_, R> {
    fn add(self, value: Result<&str, ParamErrorKind>) {
        self.collector.add_sized(self.name, self.len, value);
    }

    /// `found` (a number or boolean as written, or `an array`, `an object`) where the
    /// parameter takes another JSON type.
    /// The JSON type of the member's value: a parameter's, a string for any other name.
    fn json(&self) -> Json {
        crate::param::lookup(self.name).map_or(Json::String, Param::json)
    }

    fn wrong_type(self, found: impl Into<Box<str>>) {
        let expected = self.json().expected();
        let found = found.into();
        self.add(Err(ParamErrorKind::WrongType { found, expected }));
    }

    /// A number is `CateId`'s value as written, and of the wrong type for any other member.
    fn number(self, written: String) {
        if self.json() == Json::Integer {
            self.add(Ok(&written));
        } else {
            self.wrong_type(written);
        }
    }
}

impl<'de, R: Draft> Visitor<'de> for MemberSeed<'_, R> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string, a number, a boolean or null")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.add(Ok(""));
        Ok(())
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.visit_unit()
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        self.add(Ok(v));
        Ok(())
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        let written = if v { "true" } else { "false" };
        if self.json() == Json::Boolean {
            self.add(Ok(written));
        } else {
            self.wrong_type(written);
        }
        Ok(())
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        self.number(v.to_string());
        Ok(())
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        self.number(v.to_string());
        Ok(())
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        // A JSON number with a fraction or an exponent is never an integer, and is not
        // quoted back as if it were a string of digits.
        self.add(Err(ParamErrorKind::WrongType {
            found: fraction(v).into(),
            expected: "an integer",
        }));
        Ok(())
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        self.wrong_type("an array");
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        self.wrong_type("an object");
        Ok(())
    }
}

impl Serialize for MediaInfo {
    /// The members set, in [`MediaBasicInfo::MEMBERS`] order, `CateId` a number.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        for (name, value) in self.as_patch().texts() {
            if let Some(value) = value {
                map.serialize_key(name)?;
                json_value(&mut map, crate::param::lookup(name), &value)?;
            }
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for MediaInfo {
    /// Reads `MediaBasicInfo` JSON and derives the stored asset from it exactly as
    /// `MediaInfo::try_from(&MediaBasicInfo)` does (the cover without its signature).
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let basic = MediaBasicInfo::deserialize(d)?;
        MediaInfo::try_from(&basic).map_err(de::Error::custom)
    }
}

impl Serialize for MediaBasicInfo {
    /// The members set, in [`MediaBasicInfo::MEMBERS`] order, `CateId` a number.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        for (name, value) in self.text_members() {
            if let Some(value) = value {
                map.serialize_entry(name, value)?;
            }
            if name == "UserData" {
                if let Some(id) = self.cate_id {
                    map.serialize_entry("CateId", &id)?;
                }
            }
        }
        for (name, value) in &self.other_members {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for MediaBasicInfo {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = MediaBasicInfo;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a MediaBasicInfo object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut basic = MediaBasicInfo::default();
                let mut seen = 0u32;
                while let Some(name) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    let Some(index) = MediaBasicInfo::MEMBERS.iter().position(|m| *m == name)
                    else {
                        other_member(&mut basic.other_members, name, &mut map)?;
                        continue;
                    };
                    if seen & (1 << index) != 0 {
                        return Err(de::Error::custom(format_args!(
                            "invalid {name}: the member is given twice"
                        )));
                    }
                    seen |= 1 << index;
                    let value = map.next_value::<Scalar>()?;
                    if name == "CateId" {
                        basic.cate_id = raw_cate_id(value)?;
                    } else if let Some(slot) = basic.text_member_mut(&name) {
                        *slot = match value {
                            Scalar::Null => None,
                            Scalar::Str(s) => Some(s),
                            other => {
                                return Err(de::Error::custom(format_args!(
                                    "invalid {name}: {}, expected a string",
                                    other.describe()
                                )))
                            }
                        };
                    }
                }
                Ok(basic)
            }
        }
        d.deserialize_map(V)
    }
}

/// `CateId` of a `MediaBasicInfo` as received: an integer, a string of one, `""` or `null`.
fn raw_cate_id<E: de::Error>(value: Scalar) -> Result<Option<i64>, E> {
    match value {
        Scalar::Null => Ok(None),
        Scalar::Int(n) => Ok(Some(n)),
        Scalar::Str(s) if s.is_empty() => Ok(None),
        // A string of ASCII digits (no sign: `i64::from_str` would take `+5`, `CateId` does
        // not), or the error `CateId` gives for what is not one.
        Scalar::Str(s) | Scalar::OtherNumber(s) => match s
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| s.parse::<i64>().ok())
            .flatten()
        {
            Some(n) => Ok(Some(n)),
            None => Err(match s.parse::<CateId>() {
                Err(e) => E::custom(e),
                Ok(_) => E::custom(format_args!(
                    "invalid CateId: {}, expected an integer",
                    Quoted(&s)
                )),
            }),
        },
        Scalar::Fraction(v) => Err(E::custom(format_args!(
            "invalid CateId: {}, expected an integer",
            fraction(v)
        ))),
        other => Err(E::custom(format_args!(
            "invalid CateId: {}, expected a number or a string of digits",
            other.describe()
        ))),
    }
}

/// Reads the value of a member the crate does not model into `members`, refusing a name given
/// twice as the modelled members are.
fn other_member<'de, A: MapAccess<'de>>(
    members: &mut serde_json::Map<String, serde_json::Value>,
    name: std::borrow::Cow<'de, str>,
    map: &mut A,
) -> Result<(), A::Error> {
    let value = map.next_value::<serde_json::Value>()?;
    match members.entry(name.into_owned()) {
        serde_json::map::Entry::Vacant(slot) => {
            slot.insert(value);
            Ok(())
        }
        serde_json::map::Entry::Occupied(slot) => Err(de::Error::custom(format_args!(
            "invalid {}: the member is given twice",
            Quoted(slot.key())
        ))),
    }
}

impl Serialize for GetMediaInfoResponse {
    /// `{"RequestId": …, "MediaInfo": {"MediaId": …, "MediaBasicInfo": {…}, …}, …}`: the
    /// members the crate does not model written back after the others.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Body<'a>(&'a GetMediaInfoResponse);
        impl Serialize for Body<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut map = s.serialize_map(None)?;
                if let Some(id) = &self.0.media_id {
                    map.serialize_entry("MediaId", id)?;
                }
                map.serialize_entry("MediaBasicInfo", &self.0.media_basic_info)?;
                for (name, value) in &self.0.media_info_members {
                    map.serialize_entry(name, value)?;
                }
                map.end()
            }
        }
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("RequestId", &self.request_id)?;
        map.serialize_entry("MediaInfo", &Body(self))?;
        for (name, value) in &self.other_members {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for GetMediaInfoResponse {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        /// `MediaInfo`: its `MediaId`, its `MediaBasicInfo` and the members not modelled.
        struct Body(GetMediaInfoResponse);
        impl<'de> Deserialize<'de> for Body {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl<'de> Visitor<'de> for V {
                    type Value = Body;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str("the MediaInfo object of a GetMediaInfo response")
                    }
                    fn visit_map<A: MapAccess<'de>>(
                        self,
                        mut map: A,
                    ) -> Result<Self::Value, A::Error> {
                        let mut r = GetMediaInfoResponse::default();
                        let (mut id_seen, mut basic) = (false, None);
                        while let Some(name) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                            let repeated = match &*name {
                                "MediaId" => std::mem::replace(&mut id_seen, true),
                                "MediaBasicInfo" => basic.is_some(),
                                _ => {
                                    other_member(&mut r.media_info_members, name, &mut map)?;
                                    continue;
                                }
                            };
                            if repeated {
                                return Err(de::Error::custom(format_args!(
                                    "invalid MediaInfo.{name}: the member is given twice"
                                )));
                            }
                            if name == "MediaId" {
                                r.media_id = map.next_value()?;
                            } else {
                                basic = Some(map.next_value::<MediaBasicInfo>()?);
                            }
                        }
                        r.media_basic_info = basic
                            .ok_or_else(|| de::Error::missing_field("MediaInfo.MediaBasicInfo"))?;
                        Ok(Body(r))
                    }
                }
                d.deserialize_map(V)
            }
        }
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = GetMediaInfoResponse;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a GetMediaInfo response object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let (mut request_id, mut body, mut other) =
                    (None::<String>, None::<Body>, serde_json::Map::new());
                while let Some(name) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    let repeated = match &*name {
                        "RequestId" => request_id.is_some(),
                        "MediaInfo" => body.is_some(),
                        _ => {
                            other_member(&mut other, name, &mut map)?;
                            continue;
                        }
                    };
                    if repeated {
                        return Err(de::Error::custom(format_args!(
                            "invalid {name}: the member is given twice"
                        )));
                    }
                    if name == "RequestId" {
                        request_id = Some(map.next_value()?);
                    } else {
                        body = Some(map.next_value()?);
                    }
                }
                let Body(mut r) = body.ok_or_else(|| de::Error::missing_field("MediaInfo"))?;
                r.request_id = request_id.ok_or_else(|| de::Error::missing_field("RequestId"))?;
                r.other_members = other;
                Ok(r)
            }
        }
        d.deserialize_map(V)
    }
}

/// `{"param", "code", "message"}`.
fn serialize_error<S: Serializer>(
    s: S,
    param: &str,
    code: ErrorCode,
    message: &dyn fmt::Display,
) -> Result<S::Ok, S::Error> {
    let mut st = s.serialize_struct("Error", 3)?;
    st.serialize_field("param", param)?;
    st.serialize_field("code", &code)?;
    st.serialize_field("message", &message.to_string())?;
    st.end()
}

impl Serialize for ParamError {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_error(s, self.param(), self.code(), self)
    }
}

impl Serialize for crate::RegisterError {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_error(s, self.param(), self.code(), self)
    }
}

impl Serialize for UpdateError {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_error(s, self.param(), self.code(), self)
    }
}

impl Serialize for RequestError {
    /// `{"errors": [{"param", "code", "message"}, …], "omitted": N}`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("RequestError", 2)?;
        st.serialize_field("errors", self.errors())?;
        st.serialize_field("omitted", &self.omitted())?;
        st.end()
    }
}

/// `{"MediaId": "…", "InputURL": "…"}` with `InputURL` optional, or `{"InputURL": "…"}`; as
/// in a request, an empty (or `null`) `MediaId` or `InputURL` counts as absent.
impl Serialize for MediaTarget {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        match self {
            MediaTarget::MediaId { id, input_url } => {
                map.serialize_entry("MediaId", id)?;
                if let Some(url) = input_url {
                    map.serialize_entry("InputURL", url)?;
                }
            }
            MediaTarget::InputUrl(url) => map.serialize_entry("InputURL", url)?,
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for MediaTarget {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Wire<'a> {
            #[serde(rename = "MediaId", default, borrow)]
            media_id: Option<std::borrow::Cow<'a, str>>,
            #[serde(rename = "InputURL", default, borrow)]
            input_url: Option<std::borrow::Cow<'a, str>>,
        }
        // As in a request: an empty MediaId or InputURL counts as absent.
        fn given<T, E>(v: Option<std::borrow::Cow<'_, str>>) -> Result<Option<T>, E>
        where
            T: std::str::FromStr<Err = ParamError>,
            E: de::Error,
        {
            match v.as_deref() {
                None | Some("") => Ok(None),
                Some(s) => s.parse().map(Some).map_err(E::custom),
            }
        }
        let w = Wire::deserialize(d)?;
        match (
            given::<MediaId, _>(w.media_id)?,
            given::<InputUrl, _>(w.input_url)?,
        ) {
            (Some(id), input_url) => Ok(MediaTarget::MediaId { id, input_url }),
            (None, Some(url)) => Ok(MediaTarget::InputUrl(url)),
            (None, None) => Err(de::Error::custom(
                "missing MediaId: MediaId or InputURL is required",
            )),
        }
    }
}

impl Serialize for MergePatch<'_> {
    /// The changed members with their new values (`CateId` a number), `null` for those
    /// cleared; `{}` when nothing changed.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        for (name, value) in self.texts() {
            map.serialize_key(name)?;
            json_value(
                &mut map,
                crate::param::lookup(name),
                value.as_deref().unwrap_or(""),
            )?;
        }
        map.end()
    }
}

/// The store-back into JSON documents: a service that stores each asset as its
/// `MediaBasicInfo` JSON object finds it, reads it and writes an update back with these calls
/// and no glue of its own.
impl MergePatch<'_> {
    /// Applies the patch to a stored `MediaBasicInfo` JSON document as RFC 7396 merges it: each
    /// changed member set to its new value (`CateId` a number, the others strings), each
    /// cleared member removed, nothing else touched — the members this crate does not model
    /// (`Status`, `FileInfoList`, a service's own) stay as they are. A document that is not an
    /// object becomes one, as RFC 7396 says.
    ///
    /// The patch changes only what the request changed; a service that keeps `ModifiedTime`
    /// sets it itself after applying a patch that is not empty ([`MergePatch::is_empty`]),
    /// in the form GetMediaInfo returns (`2020-12-26T04:11:08Z`, UTC): the crate reads no
    /// clock.
    ///
    /// ```
    /// use ims_media::{apply_update, MediaInfo, UpdateMediaInfoRequest};
    /// use serde_json::json;
    /// let mut doc = json!({
    ///     "MediaId": "2b36bd19c13f4145b094c0cad80dbce5",
    ///     "InputURL": "oss://example-bucket/intro.mp4",
    ///     "Title": "Old", "Status": "Normal",
    ///     "FileInfoList": [{"FileBasicInfo": {"FileName": "intro.mp4"}}]
    /// });
    /// let media = MediaInfo::from_document(&doc)?;
    /// let request = UpdateMediaInfoRequest::from_query(
    ///     "MediaId=2b36bd19c13f4145b094c0cad80dbce5&Title=&CateId=7",
    /// )?;
    /// let outcome = apply_update(&media, &request)?;
    /// outcome.merge_patch().apply_to_document(&mut doc);
    /// if !outcome.merge_patch().is_empty() {
    ///     doc["ModifiedTime"] = json!("2026-12-04T23:30:00Z");
    /// }
    /// assert_eq!(doc, json!({
    ///     "MediaId": "2b36bd19c13f4145b094c0cad80dbce5",
    ///     "InputURL": "oss://example-bucket/intro.mp4",
    ///     "CateId": 7, "Status": "Normal", "ModifiedTime": "2026-12-04T23:30:00Z",
    ///     "FileInfoList": [{"FileBasicInfo": {"FileName": "intro.mp4"}}]
    /// }));
    /// assert_eq!(MediaInfo::from_document(&doc)?, outcome.media);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn apply_to_document(&self, doc: &mut serde_json::Value) {
        use serde_json::Value;
        if !doc.is_object() {
            *doc = Value::Object(serde_json::Map::new());
        }
        let members = doc
            .as_object_mut()
            .expect("the document is an object: made one just above if it was not");
        for (name, value) in self.texts() {
            match value {
                None => {
                    members.remove(name);
                }
                Some(value) => {
                    let json = match crate::param::lookup(name).map(Param::json) {
                        Some(Json::Integer) => value
                            .parse::<i64>()
                            .map_or_else(|_| Value::from(&*value), Value::from),
                        _ => Value::from(value.into_owned()),
                    };
                    members.insert(name.to_owned(), json);
                }
            }
        }
    }
}

impl MediaInfo {
    /// The asset a stored `MediaBasicInfo` JSON document holds, as [`MediaInfo::try_from`]
    /// derives it (the cover without its signature).
    ///
    /// # Errors
    ///
    /// [`Error::StoredDocument`] when the document cannot be read as a `MediaBasicInfo` at all
    /// (not an object, a member of the wrong JSON type, a member given twice), and
    /// [`Error::StoredAsset`] when its members are not a valid asset: both
    /// `InternalError` (500), the service's fault. A service answers them, never "not
    /// found", for a document it found:
    ///
    /// ```
    /// use ims_media::{Error, ErrorCode, MediaInfo};
    /// use serde_json::json;
    /// let err = MediaInfo::from_document(&json!({"MediaId": 5})).unwrap_err();
    /// assert!(matches!(err, Error::StoredDocument(_)));
    /// let err = MediaInfo::from_document(&json!({"MediaId": "2b36bd19c13f4145b094c0cad80dbce5"}))
    ///     .unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "the stored media asset is not valid: invalid InputURL: absent or empty, a stored media asset always has one"
    /// );
    /// assert_eq!(err.code(), ErrorCode::InternalError);
    /// ```
    pub fn from_document(doc: &serde_json::Value) -> Result<MediaInfo, Error> {
        let basic = MediaBasicInfo::deserialize(doc)
            .map_err(|e| Error::StoredDocument(e.to_string().into()))?;
        MediaInfo::try_from(&basic).map_err(Error::StoredAsset)
    }
}

impl MediaTarget {
    /// Whether a stored `MediaBasicInfo` JSON document is this target, read from its
    /// `MediaId` and `InputURL` members alone, so that a document whose other members cannot
    /// be read is still found (and then answered as [`Error::StoredDocument`] or
    /// [`Error::StoredAsset`], not "not found"). By InputURL, the stored URL must name the
    /// same object ([`InputUrl::same_object`]: any form, endpoint or escaping); by MediaId,
    /// the IDs are equal.
    ///
    /// ```
    /// use ims_media::UpdateMediaInfoRequest;
    /// use serde_json::json;
    /// let doc = json!({
    ///     "MediaId": "2b36bd19c13f4145b094c0cad80dbce5",
    ///     "InputURL": "https://example-bucket.oss-cn-shanghai.aliyuncs.com/intro.mp4",
    ///     "CateId": "+5"
    /// });
    /// let by_url = UpdateMediaInfoRequest::from_query("InputURL=oss://example-bucket/intro.mp4")?;
    /// assert!(by_url.target.matches_document(&doc));
    /// let by_id = UpdateMediaInfoRequest::from_query("MediaId=0000000000000000000000000000000a")?;
    /// assert!(!by_id.target.matches_document(&doc));
    /// # Ok::<(), ims_media::RequestError>(())
    /// ```
    pub fn matches_document(&self, doc: &serde_json::Value) -> bool {
        let member = |name: &str| doc.get(name).and_then(serde_json::Value::as_str);
        match self {
            MediaTarget::MediaId { id, .. } => member("MediaId") == Some(id.as_str()),
            MediaTarget::InputUrl(url) => member("InputURL")
                .and_then(|s| s.parse::<InputUrl>().ok())
                .is_some_and(|stored| stored.same_object(url)),
        }
    }
}
