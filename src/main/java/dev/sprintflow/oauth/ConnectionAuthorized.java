package dev.sprintflow.oauth;

/** Published after consent stored new tokens, e.g. so a paused sync schedule resumes. */
public record ConnectionAuthorized(String connectionId, String provider) {}
