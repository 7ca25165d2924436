package dev.ferry.watermark;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code maxBytes}: the largest PDF or image stamped; PDFBox and ImageIO hold the
 * document while it is stamped, so this bounds the memory one download takes.
 */
@ConfigurationProperties("ferry.watermark")
record WatermarkProperties(@DefaultValue("64MB") DataSize maxBytes) {
}
