-- MariaDB's V32_6 drops the index its V32_5 added. SQLite added none: nothing to change here; the
-- file keeps both engines' versions alike.
SELECT 1;
