-- Where the latest avatar upload is: resizing, shown, or refused by the resize job (unreadable image data).
-- NULL until the first upload.
ALTER TABLE profiles ADD COLUMN avatar_status text
    CHECK (avatar_status IN ('processing', 'ready', 'failed'));
UPDATE profiles SET avatar_status = 'ready' WHERE avatar_file IS NOT NULL;
