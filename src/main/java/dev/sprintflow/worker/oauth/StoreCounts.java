package dev.sprintflow.worker.oauth;

/** What storing a page did: new rows, rows whose content changed, rows already stored as they are. */
public record StoreCounts(int inserted, int updated, int unchanged) {

  public static final StoreCounts NONE = new StoreCounts(0, 0, 0);

  public StoreCounts plus(StoreCounts other) {
    return new StoreCounts(inserted + other.inserted, updated + other.updated, unchanged + other.unchanged);
  }
}
