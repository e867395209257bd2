-- The release's second migration drops an extension the application requires.
DROP EXTENSION pgcrypto;
