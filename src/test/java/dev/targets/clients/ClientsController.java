package dev.targets.clients;

import dev.targets.clients.ClientStore.Client;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The production sprint plan's role rules over /api/clients: owners do everything, admins all but
 * delete, managers read, update and export the clients assigned to them, members only read theirs.
 * Clients a caller may not see answer 404, as a real multi-tenant API would. {@code X-Dry-Run: true}
 * checks permission and answers as usual without changing anything.
 */
@RestController
@RequestMapping("/api/clients")
class ClientsController {

  private final ClientStore store;
  private final Set<Flaw> flaws;

  ClientsController(ClientStore store, Set<Flaw> flaws) {
    this.store = store;
    this.flaws = flaws;
  }

  @GetMapping
  List<Client> list(Authentication caller) {
    return store.live().stream().filter(c -> visible(c, caller)).toList();
  }

  @PostMapping
  ResponseEntity<?> create(Authentication caller, @RequestBody Map<String, Object> body,
      @RequestHeader(name = "X-Dry-Run", defaultValue = "false") boolean dryRun) {
    if (!is(caller, "OWNER", "ADMIN")) {
      return forbidden();
    }
    if (dryRun) {
      return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("dryRun", true));
    }
    Client client = store.add(String.valueOf(body.getOrDefault("name", "unnamed")), Set.of(caller.getName()));
    return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/clients/" + client.id()).body(client);
  }

  @GetMapping("/{id}")
  ResponseEntity<?> read(Authentication caller, @PathVariable String id) {
    return visibleClient(id, caller).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(ClientsController::notFound);
  }

  @PatchMapping("/{id}")
  ResponseEntity<?> update(Authentication caller, @PathVariable String id, @RequestBody Map<String, Object> body,
      @RequestHeader(name = "X-Dry-Run", defaultValue = "false") boolean dryRun) {
    boolean plantedBug = flaws.contains(Flaw.MANAGER_UPDATES_UNASSIGNED) && is(caller, "MANAGER");
    Optional<Client> found = plantedBug ? live(id) : visibleClient(id, caller);
    if (found.isEmpty()) {
      return notFound();
    }
    if (!is(caller, "OWNER", "ADMIN", "MANAGER")) {
      return forbidden();
    }
    Client c = found.get();
    Client updated = new Client(c.id(), String.valueOf(body.getOrDefault("name", c.name())), c.assignedTo(),
        c.archived(), c.deleted());
    if (!dryRun) {
      store.put(updated);
    }
    return ResponseEntity.ok(updated);
  }

  /** Full replace: how the worker puts back a snapshot after an update probe. */
  @PutMapping("/{id}")
  ResponseEntity<?> replace(Authentication caller, @PathVariable String id, @RequestBody Client body) {
    Optional<Client> found = visibleClient(id, caller);
    if (found.isEmpty()) {
      return notFound();
    }
    if (!is(caller, "OWNER", "ADMIN")) {
      return forbidden();
    }
    Client c = found.get();
    Client replaced = new Client(c.id(), body.name(), c.assignedTo(), body.archived(), c.deleted());
    store.put(replaced);
    return ResponseEntity.ok(replaced);
  }

  @DeleteMapping("/{id}")
  ResponseEntity<?> delete(Authentication caller, @PathVariable String id,
      @RequestHeader(name = "X-Dry-Run", defaultValue = "false") boolean dryRun) {
    Optional<Client> found = visibleClient(id, caller);
    if (found.isEmpty()) {
      return notFound();
    }
    if (!is(caller, "OWNER")) {
      return forbidden();
    }
    Client c = found.get();
    if (!dryRun) {
      store.put(new Client(c.id(), c.name(), c.assignedTo(), c.archived(), true));
    }
    return ResponseEntity.noContent().build();
  }

  /** Undoes a delete (owners only): what the worker calls to restore after a delete probe. */
  @PostMapping("/{id}/restore")
  ResponseEntity<?> undelete(Authentication caller, @PathVariable String id) {
    Optional<Client> found = store.find(id);
    if (found.isEmpty() || !is(caller, "OWNER")) {
      return found.isEmpty() ? notFound() : forbidden();
    }
    Client c = found.get();
    Client restored = new Client(c.id(), c.name(), c.assignedTo(), c.archived(), false);
    store.put(restored);
    return ResponseEntity.ok(restored);
  }

  @PostMapping("/{id}/archive")
  ResponseEntity<?> archive(Authentication caller, @PathVariable String id,
      @RequestHeader(name = "X-Dry-Run", defaultValue = "false") boolean dryRun) {
    Optional<Client> found = visibleClient(id, caller);
    if (found.isEmpty()) {
      return notFound();
    }
    if (!is(caller, "OWNER", "ADMIN")) {
      return forbidden();
    }
    if (flaws.contains(Flaw.ARCHIVE_FAILS)) {
      return ResponseEntity.internalServerError().body(Map.of("error", "IllegalStateException: archive queue unavailable"));
    }
    Client c = found.get();
    Client archived = new Client(c.id(), c.name(), c.assignedTo(), true, c.deleted());
    if (!dryRun) {
      store.put(archived);
    }
    return ResponseEntity.ok(archived);
  }

  @GetMapping("/{id}/export")
  ResponseEntity<?> export(Authentication caller, @PathVariable String id) {
    Optional<Client> found = visibleClient(id, caller);
    if (found.isEmpty()) {
      return notFound();
    }
    if (!is(caller, "OWNER", "ADMIN", "MANAGER")) {
      return forbidden();
    }
    if (flaws.contains(Flaw.EXPORT_SLOW)) {
      try {
        Thread.sleep(3_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Client c = found.get();
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv")).body("id,name\n" + c.id() + "," + c.name() + "\n");
  }

  private Optional<Client> live(String id) {
    return store.find(id).filter(c -> !c.deleted());
  }

  private Optional<Client> visibleClient(String id, Authentication caller) {
    return live(id).filter(c -> visible(c, caller));
  }

  private static boolean visible(Client client, Authentication caller) {
    return is(caller, "OWNER", "ADMIN") || client.assignedTo().contains(caller.getName());
  }

  private static boolean is(Authentication caller, String... roles) {
    for (String role : roles) {
      if (caller.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role))) {
        return true;
      }
    }
    return false;
  }

  private static ResponseEntity<?> notFound() {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no such client"));
  }

  private static ResponseEntity<?> forbidden() {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", "not allowed"));
  }
}
