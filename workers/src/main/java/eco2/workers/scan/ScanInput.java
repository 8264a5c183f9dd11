package eco2.workers.scan;

/** What a scan classifies: a phrase, a photo, or both, and the 시/도 whose rules apply (may be null). */
public record ScanInput(String text, String region, byte[] image, String imageType) {
    public boolean hasImage() {
        return image != null;
    }
}
