-- The file currently shown as the avatar (a 256x256 PNG, or the original when it could not be resized).
ALTER TABLE profiles ADD COLUMN avatar_file text, ADD COLUMN avatar_content_type text;
