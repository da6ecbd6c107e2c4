//! `MediaType`: what kind of file a media asset is, and its inference from a file extension.

use std::str::FromStr;

use crate::error::{Excerpt, ParamError, ParamErrorKind};
use crate::Param;

/// The type of a media asset (`MediaType`): `image`, `video`, `audio` or `text` (subtitles and
/// fonts), lower case as the API writes it.
///
/// RegisterMediaInfo takes it as a parameter; when absent, it is inferred from the object
/// key's extension ([`MediaType::from_extension`]). UpdateMediaInfo never changes it. A variant
/// is added in a minor release if IMS gains a type (the enum is `#[non_exhaustive]`).
///
/// # Errors
///
/// [`FromStr`] accepts exactly the four lower-case names:
///
/// ```
/// use ims_media::MediaType;
/// assert_eq!("video".parse::<MediaType>()?, MediaType::Video);
/// assert_eq!(
///     "Video".parse::<MediaType>().unwrap_err().to_string(),
///     "invalid MediaType: \"Video\" is not a MediaType; valid values: image, video, audio, text"
/// );
/// # Ok::<(), ims_media::ParamError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum MediaType {
    /// `image`.
    Image,
    /// `video`.
    Video,
    /// `audio`.
    Audio,
    /// `text`: subtitles and fonts (BusinessType `subtitles` or `font`).
    Text,
}

/// The file extensions of each type, from IMS's "Overview of media upload" (the table of
/// supported file formats, <https://www.alibabacloud.com/help/en/ims/user-guide/overview-of-media-upload>):
/// video (MPEG, AVI, Windows Media, Flash, Real, QuickTime, Matroska, HLS and the "other
/// formats" row), audio, image, and the subtitle and font files of the auxiliary assets, which
/// are `text`. `gif` stands in the image row and in the video row's "other formats": it is an
/// image here (decided).
const EXTENSIONS: [(MediaType, &[&str]); 4] = [
    (
        MediaType::Image,
        &["gif", "webp", "png", "jpg", "jpeg", "heic"],
    ),
    (
        MediaType::Video,
        &[
            "mp4", "ts", "3gp", "mpg", "mpeg", "mpe", "dat", "vob", "asf", "avi", "wmv", "flv",
            "f4v", "rm", "rmvb", "mov", "mkv", "m3u8", "dv", "m2t", "m4v", "mj2", "mjpeg", "mts",
            "ogg", "qt", "swf", "webm",
        ],
    ),
    (
        MediaType::Audio,
        &[
            "mp3", "wma", "wav", "aac", "ra", "m4a", "flac", "ape", "ac3", "amr", "caf", "acm",
        ],
    ),
    (MediaType::Text, &["srt", "vtt", "ass", "ttf", "ttc", "fon"]),
];

impl MediaType {
    /// Every type, in the order the API lists them.
    pub const ALL: [MediaType; 4] = [
        MediaType::Image,
        MediaType::Video,
        MediaType::Audio,
        MediaType::Text,
    ];

    /// The wire value, e.g. `"video"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            MediaType::Image => "image",
            MediaType::Video => "video",
            MediaType::Audio => "audio",
            MediaType::Text => "text",
        }
    }

    /// The type a file with this extension is (ASCII case-insensitive, without the dot), by
    /// the table of IMS's media upload overview; `None` for an extension it does not list.
    ///
    /// ```
    /// use ims_media::MediaType;
    /// assert_eq!(MediaType::from_extension("MP4"), Some(MediaType::Video));
    /// assert_eq!(MediaType::from_extension("gif"), Some(MediaType::Image));
    /// assert_eq!(MediaType::from_extension("srt"), Some(MediaType::Text));
    /// assert_eq!(MediaType::from_extension("xyz"), None);
    /// ```
    pub fn from_extension(extension: &str) -> Option<MediaType> {
        // Every listed extension is at most five ASCII bytes: longer ones are none of them.
        if extension.len() > 5 {
            return None;
        }
        EXTENSIONS.iter().find_map(|(kind, list)| {
            list.iter()
                .any(|e| e.eq_ignore_ascii_case(extension))
                .then_some(*kind)
        })
    }

    /// The type of the object `key` names, from the extension of its last path segment
    /// (what follows its last `.`); `None` without one or for an unknown extension.
    ///
    /// ```
    /// use ims_media::MediaType;
    /// assert_eq!(MediaType::of_key("videos/intro.final.mp4"), Some(MediaType::Video));
    /// assert_eq!(MediaType::of_key("pics/Cover.PNG"), Some(MediaType::Image));
    /// assert_eq!(MediaType::of_key("a.mp4/readme"), None);
    /// ```
    pub fn of_key(key: &str) -> Option<MediaType> {
        // A known extension has at most five bytes, so only the last six can hold its `.`.
        let bytes = key.as_bytes();
        let from = bytes.len().saturating_sub(6);
        let tail = bytes.get(from..)?;
        let at = from + tail.iter().rposition(|&b| b == b'.' || b == b'/')?;
        if bytes.get(at) != Some(&b'.') {
            return None;
        }
        MediaType::from_extension(key.get(at + 1..)?)
    }
}

impl FromStr for MediaType {
    type Err = ParamError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        MediaType::ALL
            .into_iter()
            .find(|t| t.as_str() == s)
            .ok_or_else(|| {
                ParamError::new(
                    Param::MediaType,
                    ParamErrorKind::UnknownMediaType {
                        value: Excerpt::new(s),
                    },
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_extension_has_one_type() {
        let mut seen = std::collections::HashSet::new();
        for (_, list) in EXTENSIONS {
            for e in list {
                assert!(
                    e.len() <= 5,
                    "{e}: from_extension looks at five bytes at most"
                );
                assert!(seen.insert(*e), "{e} listed twice");
                assert_eq!(e.to_ascii_lowercase(), *e);
            }
        }
        for t in MediaType::ALL {
            assert_eq!(t.as_str().parse::<MediaType>(), Ok(t));
        }
    }

    #[test]
    fn of_key_reads_the_last_segment_s_extension() {
        // The reading by segments, which `of_key` does on the last six bytes only.
        let by_segments = |key: &str| {
            let segment = key.rsplit('/').next()?;
            let (_, extension) = segment.rsplit_once('.')?;
            MediaType::from_extension(extension)
        };
        let parts = [
            "", "a", "/", ".", "mp4", "MP4", "jpeg", "srt", "x.y", "界", "abcdef",
        ];
        for a in parts {
            for b in parts {
                for c in parts {
                    for d in parts {
                        let key = format!("{a}{b}{c}{d}");
                        assert_eq!(MediaType::of_key(&key), by_segments(&key), "{key:?}");
                    }
                }
            }
        }
    }
}
