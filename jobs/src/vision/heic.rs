//! HEIC/HEIF photos (the iPhone default) → RGB, through libheif (compiled from source by
//! libheif-rs: Debian 12's libheif 1.15 is too old for the Rust bindings; see
//! docs/decisions.md). libheif applies the container's rotation and mirror transforms, so the
//! result is upright like a decoded JPEG after EXIF orientation.
use image::RgbImage;
use libheif_rs::{ColorSpace, HeifContext, LibHeif, RgbChroma};

use super::error::VisionError;

/// Whether `bytes` start an ISO-BMFF `ftyp` box of a HEIF brand (HEVC-coded stills; AVIF is
/// not claimed: the embedded libheif is built without an AV1 decoder).
pub fn is_heif(bytes: &[u8]) -> bool {
    if bytes.len() < 12 || &bytes[4..8] != b"ftyp" {
        return false;
    }
    matches!(
        &bytes[8..12],
        b"heic" | b"heix" | b"heim" | b"heis" | b"hevc" | b"hevx" | b"mif1" | b"msf1"
    )
}

fn undecodable(e: impl std::fmt::Display) -> VisionError {
    VisionError::UndecodableImage(format!("HEIC: {e}"))
}

/// Decodes the primary image of a HEIF file to 8-bit RGB.
pub fn decode_heif(bytes: &[u8]) -> Result<RgbImage, VisionError> {
    let lib = LibHeif::new();
    let ctx = HeifContext::read_from_bytes(bytes).map_err(undecodable)?;
    let handle = ctx.primary_image_handle().map_err(undecodable)?;
    super::decode::check_pixels(handle.width(), handle.height())?;
    let image = lib
        .decode(&handle, ColorSpace::Rgb(RgbChroma::Rgb), None)
        .map_err(undecodable)?;
    let plane = image
        .planes()
        .interleaved
        .ok_or_else(|| undecodable("no interleaved RGB plane"))?;
    let (w, h, stride) = (plane.width, plane.height, plane.stride);
    let row = w as usize * 3;
    let mut rgb = Vec::with_capacity(row * h as usize);
    for y in 0..h as usize {
        rgb.extend_from_slice(&plane.data[y * stride..y * stride + row]);
    }
    RgbImage::from_raw(w, h, rgb).ok_or_else(|| undecodable("plane size mismatch"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEIC: &[u8] = include_bytes!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/astronaut.heic"
    ));
    const PNG: &[u8] = include_bytes!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/astronaut.png"
    ));

    #[test]
    fn heif_brands_are_recognised_and_others_are_not() {
        assert!(is_heif(HEIC));
        assert!(!is_heif(PNG));
        assert!(!is_heif(b"\0\0\0\x18ftypmp42\0\0\0\0"));
    }

    /// The HEIC fixture was encoded from the PNG at quality 85: it must decode to the same
    /// picture, up to codec loss (mean absolute difference under 4 levels of 255).
    #[test]
    fn the_heic_fixture_decodes_to_the_photo_it_was_made_from() {
        let heic = decode_heif(HEIC).unwrap();
        let png = image::load_from_memory(PNG).unwrap().to_rgb8();
        assert_eq!(heic.dimensions(), png.dimensions());
        let total: u64 = heic
            .as_raw()
            .iter()
            .zip(png.as_raw())
            .map(|(a, b)| u64::from(a.abs_diff(*b)))
            .sum();
        let mean = total as f64 / heic.as_raw().len() as f64;
        assert!(mean < 4.0, "mean abs difference {mean:.2}");
    }

    #[test]
    fn a_truncated_heic_is_an_undecodable_image() {
        let err = decode_heif(&HEIC[..HEIC.len() / 3]).unwrap_err();
        assert_eq!(err.code(), "undecodable_image");
    }
}
