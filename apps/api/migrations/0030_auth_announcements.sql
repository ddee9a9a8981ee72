-- Announcements for the session cache (platform/auth/session.repo.ts, AUTH_CHANNEL).
--
-- Every API process keeps, for a few seconds at most and only while it hears these
-- announcements, what a session cookie stands for: the person, their roles in the
-- municipality and the municipality itself. Whatever changes one of those announces the
-- person's id (or '*' for a municipality) on the channel helppo_auth, and every process drops
-- what it kept. Triggers announce every change, whichever code or tool makes it; PostgreSQL
-- delivers an announcement only when its transaction commits.
--
-- A session whose expiry slides forward (once a minute while it is used) announces nothing:
-- only an earlier expiry, a deleted session, or a changed owner does.

CREATE FUNCTION helppo_announce_auth_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'municipalities' THEN
    PERFORM pg_notify('helppo_auth', '*');
  ELSIF TG_TABLE_NAME = 'people' THEN
    PERFORM pg_notify('helppo_auth', OLD.id::text);
  ELSE
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
      PERFORM pg_notify('helppo_auth', OLD.person_id::text);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
      PERFORM pg_notify('helppo_auth', NEW.person_id::text);
    END IF;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER sessions_announce_delete AFTER DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION helppo_announce_auth_change();
CREATE TRIGGER sessions_announce_update AFTER UPDATE ON sessions
  FOR EACH ROW
  WHEN (NEW.expires_at < OLD.expires_at OR NEW.person_id IS DISTINCT FROM OLD.person_id)
  EXECUTE FUNCTION helppo_announce_auth_change();

CREATE TRIGGER role_grants_announce AFTER INSERT OR UPDATE OR DELETE ON role_grants
  FOR EACH ROW EXECUTE FUNCTION helppo_announce_auth_change();

CREATE TRIGGER people_announce AFTER UPDATE OF name, email, language OR DELETE ON people
  FOR EACH ROW EXECUTE FUNCTION helppo_announce_auth_change();

CREATE TRIGGER municipalities_announce AFTER UPDATE OR DELETE ON municipalities
  FOR EACH STATEMENT EXECUTE FUNCTION helppo_announce_auth_change();
