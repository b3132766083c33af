//! Bytes → upright RGB image of bounded size.
//!
//! Phones store portrait photos sideways with an EXIF Orientation tag; we apply it so landmarks
//! and masks line up with what a person sees. The working size is capped (longest side
//! [`MAX_SIDE`]) because skin measurements are computed relative to the face size and larger
//! inputs only cost time.

use image::{imageops, DynamicImage, RgbImage};

use super::error::VisionError;

/// Longest side of the working image, in pixels.
pub const MAX_SIDE: u32 = 1024;

/// EXIF Orientation (1–8) of a JPEG/PNG/WebP, if present.
fn exif_orientation(bytes: &[u8]) -> Option<u32> {
    let exif = exif::Reader::new()
        .read_from_container(&mut std::io::Cursor::new(bytes))
        .ok()?;
    exif.get_field(exif::Tag::Orientation, exif::In::PRIMARY)?
        .value
        .get_uint(0)
}

/// Applies an EXIF orientation value to an image.
pub fn apply_orientation(img: DynamicImage, orientation: u32) -> DynamicImage {
    match orientation {
        2 => img.fliph(),
        3 => img.rotate180(),
        4 => img.flipv(),
        5 => img.rotate90().fliph(),
        6 => img.rotate90(),
        7 => img.rotate270().fliph(),
        8 => img.rotate270(),
        _ => img,
    }
}

/// Shrinks `img` so its longest side is at most `max_side` (never enlarges).
pub fn bound_size(img: RgbImage, max_side: u32) -> RgbImage {
    let (w, h) = img.dimensions();
    let long = w.max(h);
    if long <= max_side {
        return img;
    }
    let s = max_side as f32 / long as f32;
    let (nw, nh) = (
        ((w as f32 * s).round() as u32).max(1),
        ((h as f32 * s).round() as u32).max(1),
    );
    // Triangle (bilinear with support scaled to the reduction) avoids aliasing at acceptable cost.
    imageops::resize(&img, nw, nh, imageops::FilterType::Triangle)
}

/// True when `bytes` decode at their own size: their header's longest side is within
/// [`MAX_SIDE`], so [`decode`] does not reduce them.
pub fn at_own_size(bytes: &[u8]) -> bool {
    image::ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .ok()
        .and_then(|r| r.into_dimensions().ok())
        .is_some_and(|(w, h)| w.max(h) <= MAX_SIDE)
}

/// Decodes JPEG/PNG/WebP/HEIC bytes, applies EXIF orientation and bounds the size.
pub fn decode(bytes: &[u8]) -> Result<RgbImage, VisionError> {
    if super::heic::is_heif(bytes) {
        return Ok(bound_size(super::heic::decode_heif(bytes)?, MAX_SIDE));
    }
    let format =
        image::guess_format(bytes).map_err(|e| VisionError::UndecodableImage(e.to_string()))?;
    if !matches!(
        format,
        image::ImageFormat::Jpeg | image::ImageFormat::Png | image::ImageFormat::WebP
    ) {
        return Err(VisionError::UndecodableImage(format!(
            "{format:?} is not supported"
        )));
    }
    let img = image::load_from_memory_with_format(bytes, format)
        .map_err(|e| VisionError::UndecodableImage(e.to_string()))?;
    let img = apply_orientation(img, exif_orientation(bytes).unwrap_or(1));
    Ok(bound_size(img.to_rgb8(), MAX_SIDE))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vision::testutil::{jpeg_bytes, with_orientation};

    #[test]
    fn garbage_bytes_are_undecodable() {
        let err = decode(b"definitely not an image").unwrap_err();
        assert_eq!(err.code(), "undecodable_image");
    }

    #[test]
    fn orientation_6_turns_landscape_into_portrait() {
        let img = DynamicImage::ImageRgb8(RgbImage::new(40, 20));
        let out = apply_orientation(img, 6);
        assert_eq!((out.width(), out.height()), (20, 40));
    }

    /// A JPEG with an EXIF APP1 segment saying Orientation = `o`.
    fn jpeg_with_orientation(img: &RgbImage, o: u8) -> Vec<u8> {
        with_orientation(&jpeg_bytes(img, 90), o)
    }

    #[test]
    fn exif_orientation_6_is_applied_when_decoding() {
        // Left half red, right half blue; rotated 90° clockwise the red half is on top.
        let img = RgbImage::from_fn(40, 20, |x, _| {
            if x < 20 {
                image::Rgb([255, 0, 0])
            } else {
                image::Rgb([0, 0, 255])
            }
        });
        let out = decode(&jpeg_with_orientation(&img, 6)).unwrap();
        assert_eq!(out.dimensions(), (20, 40));
        assert!(out.get_pixel(10, 5)[0] > 200 && out.get_pixel(10, 35)[2] > 200);
    }

    #[test]
    fn large_images_are_bounded_keeping_aspect() {
        let out = bound_size(RgbImage::new(2048, 1024), MAX_SIDE);
        assert_eq!(out.dimensions(), (1024, 512));
        assert_eq!(
            bound_size(RgbImage::new(300, 200), MAX_SIDE).dimensions(),
            (300, 200)
        );
    }

    #[test]
    fn png_round_trip_decodes() {
        let mut buf = Vec::new();
        RgbImage::from_pixel(10, 8, image::Rgb([1, 2, 3]))
            .write_to(&mut std::io::Cursor::new(&mut buf), image::ImageFormat::Png)
            .unwrap();
        let img = decode(&buf).unwrap();
        assert_eq!(img.dimensions(), (10, 8));
        assert_eq!(img.get_pixel(3, 3).0, [1, 2, 3]);
    }
}
