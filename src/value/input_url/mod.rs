//! `InputUrl`: where a media asset's file lives, an OSS object or a VOD media asset.

mod parse;

use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use crate::error::ParamError;
use crate::Param;

use parse::{Key, OssScheme, Parsed, VOD_PREFIX};

/// The `InputURL` of a media asset: an object in OSS, or a media asset in VOD.
///
/// The URL is kept exactly as given ([`InputUrl::as_str`]); its parts are parsed once and
/// exposed by [`bucket`](InputUrl::bucket), [`object_key`](InputUrl::object_key),
/// [`region`](InputUrl::region), [`host`](InputUrl::host) and [`vod_id`](InputUrl::vod_id).
///
/// # Grammar
///
/// At most [`InputUrl::MAX_BYTES`] (4,096) bytes, in one of these forms (schemes ASCII
/// case-insensitive, so `OSS://`, `HTTPS://` and `VOD://` are accepted):
///
/// * `oss://BUCKET/KEY`;
/// * `http://BUCKET.ENDPOINT/KEY` or `https://BUCKET.ENDPOINT/KEY`, where `ENDPOINT` is
///   exactly one of
///   * `oss-NAME.aliyuncs.com` or `oss-NAME-internal.aliyuncs.com`: `oss-cn-shanghai`,
///     `oss-cn-shanghai-internal`, `oss-accelerate`, `oss-accelerate-overseas`,
///     `oss-rg-china-mainland`, finance forms such as `oss-cn-shanghai-finance-1(-internal)`,
///     gov forms such as `oss-cn-north-2-gov-1`. The region is `NAME` (`cn-shanghai`,
///     `rg-china-mainland`, `cn-shanghai-finance-1`, `cn-north-2-gov-1`); there is none for
///     `accelerate` and `accelerate-overseas` (global acceleration endpoints, also with
///     `-internal`);
///   * the dual-stack `REGION.oss.aliyuncs.com`, whose region is `REGION`; the dual-stack
///     acceleration endpoints `accelerate.oss.aliyuncs.com` and
///     `accelerate-overseas.oss.aliyuncs.com` have none.
///
///   Nothing else may stand between that label and `aliyuncs.com`:
///   `bucket.oss-cn-hangzhou.evil.aliyuncs.com` is refused, and so are the path style
///   `oss-cn-hangzhou.aliyuncs.com/BUCKET/KEY`, the region-less `oss.aliyuncs.com`,
///   `oss-internal.aliyuncs.com` and a host ending with a dot. `NAME`, `REGION` and the
///   endpoint's first label are DNS labels of `a-z 0-9 -` (1 to 63 characters, no `-` first or
///   last); the region is not checked against a list of regions;
/// * `vod://ID`, with `ID` of 1 to 64 characters of `A-Z a-z 0-9 - _` (the MediaId rule),
///   case-sensitive, and nothing after it (not even `/`).
///
/// The host of `http(s)://` and the bucket of `oss://` are ASCII case-insensitive: they are
/// compared and exposed in lower case. No form may have user info (`user@`), a port (`:80`),
/// a query (`?`: a signed URL is refused, and the message says to drop the query) or a
/// fragment (`#`); `?` and `#` are refused anywhere, so a key holding them must escape them
/// as `%3F` and `%23`.
///
/// `BUCKET`: 3 to 63 characters of `a-z 0-9 -` (after lower-casing), starting and ending with
/// a letter or digit.
///
/// `KEY`: everything after the `/` that ends the host, percent-decoded in every form (`%XX`
/// with hex digits of either case; `+` is itself). The decoded key is valid UTF-8, 1 to
/// [`InputUrl::MAX_KEY_BYTES`] (1,023) bytes, does not start with `/` or `\`, and has no
/// control character (general category Cc), neither raw nor escaped. In the `http://` and
/// `https://` forms a raw `\` anywhere in the key is refused, with a message saying to write
/// `%5C`: a browser (any WHATWG reader) reads it as `/` and would request another object. In
/// `oss://` the key is taken as written (`oss://b/a\b` names the key `a\b`). Raw non-ASCII
/// characters and spaces are accepted as they are; other white space (U+00A0, U+2028, …) is
/// not a control character and is accepted too. OSS keys are flat names, so `.` and `..`
/// segments and repeated `/` after the first character are ordinary key characters, compared
/// as they are.
///
/// # Equality
///
/// `==` and [`Hash`] compare the URL as written. Two URLs written differently can name the
/// same object; [`InputUrl::same_object`] is that comparison.
///
/// # Errors
///
/// The constructors ([`FromStr`], [`TryFrom<&str>`], [`TryFrom<String>`]) return a
/// [`ParamError`] for parameter `InputURL` with kind
///
/// * [`ParamErrorKind::Empty`](crate::ParamErrorKind::Empty) for the empty string (which a
///   request treats as absent);
/// * [`ParamErrorKind::TooLong`](crate::ParamErrorKind::TooLong) over 4,096 bytes, found
///   without reading the value;
/// * otherwise [`ParamErrorKind::Url`](crate::ParamErrorKind::Url) with the
///   [`UrlError`](crate::UrlError), checked in this order: another scheme (`Scheme`), a raw
///   control character anywhere (`ControlCharacter`, byte offset in the URL), a query
///   (`Query`) or fragment (`Fragment`) — whichever comes first —, `UserInfo`, `Port`,
///   for `vod://` an ID that breaks the rule (`VodId`), no host or bucket (`MissingHost`), a
///   host that is not `BUCKET.ENDPOINT` (`NotOssHost`), a bad bucket name (`Bucket`), in
///   `http(s)://` a raw `\` in the key (`KeyBackslash`, byte offset in the URL), a `%`
///   not followed by two hex digits (`PercentEscape`, byte offset in the URL), no key
///   (`MissingKey`), a key over 1,023 bytes after decoding (`KeyTooLong`), one that is not
///   UTF-8 after decoding (`KeyNotUtf8`), one starting with `/` or `\` (`KeyLeadingSlash`), and
///   an escaped control character (`KeyControlCharacter`, byte offset in the decoded key).
///
/// ```
/// use ims_media::InputUrl;
///
/// let url: InputUrl = "http://example-bucket.oss-cn-shanghai.aliyuncs.com/example.mp4".parse()?;
/// assert_eq!(url.bucket(), Some("example-bucket"));
/// assert_eq!(url.region(), Some("cn-shanghai"));
/// assert_eq!(url.object_key(), Some("example.mp4"));
/// assert!(url.same_object(&"OSS://Example-Bucket/example%2Emp4".parse()?));
///
/// let signed = "https://b12.oss-cn-shanghai.aliyuncs.com/a.mp4?Expires=1";
/// assert_eq!(
///     signed.parse::<InputUrl>().unwrap_err().to_string(),
///     "invalid InputURL: query not allowed at byte 46, drop the '?' and what follows \
///      (a signed URL is not an input URL) in \
///      \"https://b12.oss-cn-shanghai.aliyuncs.com/a.mp4?Expires=1\""
/// );
/// assert_eq!(
///     "oss://example-bucket/%zz.mp4".parse::<InputUrl>().unwrap_err().to_string(),
///     "invalid InputURL: '%' at byte 21 not followed by two hex digits in \
///      \"oss://example-bucket/%zz.mp4\""
/// );
/// # Ok::<(), ims_media::ParamError>(())
/// ```
#[derive(Clone)]
pub struct InputUrl {
    url: String,
    parsed: Parsed,
}

impl InputUrl {
    /// The most bytes an `InputURL` may have.
    pub const MAX_BYTES: usize = parse::MAX_BYTES;

    /// The most bytes the object key may have after percent-decoding (the OSS limit).
    pub const MAX_KEY_BYTES: usize = parse::MAX_KEY_BYTES;

    pub(crate) fn from_string(url: String) -> Result<Self, ParamError> {
        match parse::parse(&url) {
            Ok(parsed) => Ok(InputUrl { url, parsed }),
            Err(kind) => Err(ParamError::new(Param::InputUrl, kind)),
        }
    }

    /// The URL, exactly as given.
    pub fn as_str(&self) -> &str {
        &self.url
    }

    /// The URL as an owned `String`, exactly as given.
    pub fn into_string(self) -> String {
        self.url
    }

    /// The scheme in lower case: `"oss"`, `"http"`, `"https"` or `"vod"`.
    ///
    /// ```
    /// let url: ims_media::InputUrl = "HTTPS://b12.oss-cn-beijing.aliyuncs.com/k".parse()?;
    /// assert_eq!(url.scheme(), "https");
    /// # Ok::<(), ims_media::ParamError>(())
    /// ```
    pub fn scheme(&self) -> &'static str {
        match &self.parsed {
            Parsed::Oss(oss) => match oss.scheme {
                OssScheme::Oss => "oss",
                OssScheme::Http => "http",
                OssScheme::Https => "https",
            },
            Parsed::Vod => "vod",
        }
    }

    /// Whether the URL names an OSS object (any of `oss://`, `http://`, `https://`).
    pub fn is_oss(&self) -> bool {
        matches!(self.parsed, Parsed::Oss(_))
    }

    /// Whether the URL names a VOD media asset (`vod://`).
    pub fn is_vod(&self) -> bool {
        matches!(self.parsed, Parsed::Vod)
    }

    /// The OSS bucket in lower case; `None` for `vod://`.
    ///
    /// ```
    /// let url: ims_media::InputUrl = "oss://Example-Bucket/a.mp4".parse()?;
    /// assert_eq!(url.bucket(), Some("example-bucket"));
    /// # Ok::<(), ims_media::ParamError>(())
    /// ```
    pub fn bucket(&self) -> Option<&str> {
        match &self.parsed {
            Parsed::Oss(oss) => oss
                .authority
                .get(&self.url)
                .get(..usize::from(oss.bucket_end)),
            Parsed::Vod => None,
        }
    }

    /// The OSS object key, percent-decoded; `None` for `vod://`.
    ///
    /// ```
    /// let url: ims_media::InputUrl = "oss://bucket/videos/%E7%95%8C%20a+b.mp4".parse()?;
    /// assert_eq!(url.object_key(), Some("videos/界 a+b.mp4"));
    /// # Ok::<(), ims_media::ParamError>(())
    /// ```
    pub fn object_key(&self) -> Option<&str> {
        match &self.parsed {
            Parsed::Oss(oss) => match &oss.key {
                Key::Raw(at) => self.url.get(usize::from(*at)..),
                Key::Decoded(key) => Some(key),
            },
            Parsed::Vod => None,
        }
    }

    /// The OSS region ID of an `http(s)://` URL's endpoint, in lower case: `cn-shanghai` for
    /// `oss-cn-shanghai` and `oss-cn-shanghai-internal`, `REGION` of the dual-stack
    /// `REGION.oss.aliyuncs.com` (none for its acceleration endpoints
    /// `accelerate.oss.aliyuncs.com` and `accelerate-overseas.oss.aliyuncs.com`). The irregular finance endpoints give the region ID of OSS's
    /// published endpoint table (`oss-cn-hzfinance` → `cn-hangzhou-finance`,
    /// `oss-cn-shanghai-finance-1-pub` → `cn-shanghai-finance-1`, `oss-cn-szfinance` →
    /// `cn-shenzhen-finance-1`, …). `None` for the acceleration endpoints, for an endpoint whose
    /// region cannot be told (never a string holding `internal`, `pub` or `oss`), for `oss://`
    /// (which names no region) and for `vod://`.
    ///
    /// ```
    /// let url: ims_media::InputUrl =
    ///     "https://b12.oss-cn-shanghai-finance-1-internal.aliyuncs.com/k".parse()?;
    /// assert_eq!(url.region(), Some("cn-shanghai-finance-1"));
    /// let url: ims_media::InputUrl = "https://b12.oss-cn-hzfinance.aliyuncs.com/k".parse()?;
    /// assert_eq!(url.region(), Some("cn-hangzhou-finance"));
    /// # Ok::<(), ims_media::ParamError>(())
    /// ```
    pub fn region(&self) -> Option<&str> {
        match &self.parsed {
            Parsed::Oss(oss) => oss
                .region
                .and_then(|span| span.get(oss.authority.get(&self.url)))
                .and_then(region_id),
            Parsed::Vod => None,
        }
    }

    /// The host of an `http(s)://` URL in lower case (`bucket.oss-cn-shanghai.aliyuncs.com`);
    /// `None` for `oss://` and `vod://`.
    pub fn host(&self) -> Option<&str> {
        match &self.parsed {
            Parsed::Oss(oss) if oss.scheme != OssScheme::Oss => Some(oss.authority.get(&self.url)),
            _ => None,
        }
    }

    /// The VOD media ID of a `vod://` URL, as written (IDs are case-sensitive); `None` for OSS.
    ///
    /// ```
    /// let url: ims_media::InputUrl = "VOD://a1b2c3".parse()?;
    /// assert_eq!(url.vod_id(), Some("a1b2c3"));
    /// # Ok::<(), ims_media::ParamError>(())
    /// ```
    pub fn vod_id(&self) -> Option<&str> {
        match &self.parsed {
            Parsed::Vod => self.url.get(VOD_PREFIX.len()..),
            Parsed::Oss(_) => None,
        }
    }

    /// Whether both URLs name the same object ([rule 10](crate::rules)): both OSS with the same bucket
    /// and the same decoded key — whatever the form (`oss://` or `http(s)://`), the region, the
    /// endpoint (public, internal, acceleration, dual-stack), the case of scheme and host, and
    /// the percent-encoding of the key — or both `vod://` with the same ID. Bucket names are
    /// compared in lower case; keys and VOD IDs are case-sensitive. An OSS URL and a VOD URL
    /// never name the same object.
    ///
    /// ```
    /// use ims_media::InputUrl;
    /// let stored: InputUrl = "https://bucket.oss-cn-shanghai.aliyuncs.com/a/B.mp4".parse()?;
    /// let given: InputUrl = "oss://BUCKET/a%2FB.mp4".parse()?;
    /// assert!(stored.same_object(&given));
    /// assert!(!stored.same_object(&"oss://bucket/a/b.mp4".parse()?));
    /// # Ok::<(), ims_media::ParamError>(())
    /// ```
    pub fn same_object(&self, other: &InputUrl) -> bool {
        match (&self.parsed, &other.parsed) {
            (Parsed::Oss(_), Parsed::Oss(_)) => {
                self.bucket() == other.bucket() && self.object_key() == other.object_key()
            }
            (Parsed::Vod, Parsed::Vod) => self.vod_id() == other.vod_id(),
            _ => false,
        }
    }
}

impl FromStr for InputUrl {
    type Err = ParamError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        // Refuse by length before copying, so that a huge input costs nothing.
        match parse::parse(s) {
            Ok(parsed) => Ok(InputUrl {
                url: s.to_owned(),
                parsed,
            }),
            Err(kind) => Err(ParamError::new(Param::InputUrl, kind)),
        }
    }
}

impl fmt::Debug for InputUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("InputUrl").field(&self.url).finish()
    }
}

impl PartialEq for InputUrl {
    /// The URLs as written are equal; see [`InputUrl::same_object`] for the object they name.
    fn eq(&self, other: &Self) -> bool {
        self.url == other.url
    }
}

impl Eq for InputUrl {}

impl Hash for InputUrl {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.url.hash(state);
    }
}

/// The region ID of the region part of an endpoint (`NAME` of `oss-NAME[-internal]`, or
/// `REGION` of `REGION.oss.aliyuncs.com`): the irregular finance endpoints by OSS's published
/// endpoint table, nothing for a part that still says `internal`, `pub` or `oss`, the part
/// itself otherwise.
fn region_id(part: &str) -> Option<&str> {
    const IRREGULAR: [(&str, &str); 8] = [
        ("cn-hzfinance", "cn-hangzhou-finance"),
        ("cn-hzjbp-a", "cn-hangzhou-finance"),
        ("cn-hzjbp-b", "cn-hangzhou-finance"),
        ("cn-shanghai-finance-1-pub", "cn-shanghai-finance-1"),
        ("cn-shanghai-finance", "cn-shanghai-finance-1"),
        ("cn-szfinance", "cn-shenzhen-finance-1"),
        ("cn-shenzhen-finance", "cn-shenzhen-finance-1"),
        ("cn-beijing-finance-1-pub", "cn-beijing-finance-1"),
    ];
    if let Some((_, id)) = IRREGULAR.iter().find(|(endpoint, _)| *endpoint == part) {
        return Some(id);
    }
    if ["internal", "pub", "oss"]
        .iter()
        .any(|word| part.split('-').any(|w| w == *word))
    {
        return None;
    }
    Some(part)
}
