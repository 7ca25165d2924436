package dev.ferry.preview;

/** An encoded preview image: PNG or JPEG bytes and its dimensions. */
record Raster(byte[] bytes, String contentType, int width, int height) {
}
