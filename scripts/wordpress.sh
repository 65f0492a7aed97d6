#!/usr/bin/env bash
# A real, local WordPress for the plugin's end-to-end test: Debian's
# wordpress (6.1), mariadb-server, apache2 and php, installed if missing,
# then the database, a site at http://localhost:$WP_PORT/ and an admin.
# Idempotent; prints the site's URL. Used by scripts/test.sh.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
WP_PORT="${WP_PORT:-8089}"
if ! dpkg -s wordpress mariadb-server apache2 libapache2-mod-php php-mysql >/dev/null 2>&1; then
  say "installing Debian's wordpress, mariadb-server, apache2 and php"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wordpress mariadb-server apache2 libapache2-mod-php php-mysql >/dev/null
fi
# The database server.
if ! as_root mysqladmin ping >/dev/null 2>&1; then
  (as_root service mariadb start || as_root service mysql start) >/dev/null
fi
as_root mysql -e "CREATE DATABASE IF NOT EXISTS carepath_wp; CREATE USER IF NOT EXISTS 'carepath'@'localhost' IDENTIFIED BY 'carepath'; GRANT ALL ON carepath_wp.* TO 'carepath'@'localhost'; FLUSH PRIVILEGES;"
# WordPress's configuration for this host (Debian reads config-<host>.php).
if [ ! -f /etc/wordpress/config-localhost.php ]; then
  salt="$(openssl rand -hex 32)"
  as_root tee /etc/wordpress/config-localhost.php >/dev/null <<PHP
<?php
define('DB_NAME', 'carepath_wp');
define('DB_USER', 'carepath');
define('DB_PASSWORD', 'carepath');
define('DB_HOST', 'localhost');
define('DB_CHARSET', 'utf8mb4');
foreach (array('AUTH_KEY','SECURE_AUTH_KEY','LOGGED_IN_KEY','NONCE_KEY','AUTH_SALT','SECURE_AUTH_SALT','LOGGED_IN_SALT','NONCE_SALT') as \$k) define(\$k, '$salt' . \$k);
\$table_prefix = 'wp_';
define('WP_CONTENT_DIR', '/var/lib/wordpress/wp-content');
define('FS_METHOD', 'direct');
define('WP_HOME', 'http://localhost:$WP_PORT');
define('WP_SITEURL', 'http://localhost:$WP_PORT');
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
PHP
fi
# The default theme, where WordPress looks for it; uploads writable.
theme=/var/lib/wordpress/wp-content/themes/twentytwentythree
[ -e "$theme" ] || as_root ln -s /usr/share/wordpress/wp-content/themes/twentytwentythree "$theme"
as_root chown -R www-data:www-data /var/lib/wordpress/wp-content
# Apache on its own port.
if [ ! -f /etc/apache2/sites-available/carepath-wp.conf ]; then
  as_root tee /etc/apache2/sites-available/carepath-wp.conf >/dev/null <<CONF
Listen $WP_PORT
<VirtualHost *:$WP_PORT>
  ServerName localhost
  DocumentRoot /usr/share/wordpress
  Alias /wp-content /var/lib/wordpress/wp-content
  <Directory /usr/share/wordpress>
    Options FollowSymLinks
    AllowOverride All
    Require all granted
  </Directory>
  <Directory /var/lib/wordpress/wp-content>
    Options FollowSymLinks
    AllowOverride All
    Require all granted
  </Directory>
</VirtualHost>
CONF
  as_root a2ensite carepath-wp >/dev/null
  as_root a2enmod rewrite headers >/dev/null
fi
if ! as_root apache2ctl status >/dev/null 2>&1 && ! curl -s -o /dev/null "http://localhost:$WP_PORT/"; then
  as_root service apache2 start >/dev/null || as_root apache2ctl start
else
  as_root apache2ctl graceful >/dev/null 2>&1 || true
fi
for _ in $(seq 30); do curl -s -o /dev/null "http://localhost:$WP_PORT/wp-login.php" && break; sleep 1; done
# Install the site once (WordPress's own installer, over HTTP).
if curl -s "http://localhost:$WP_PORT/wp-admin/install.php" | grep -q 'name="weblog_title"'; then
  curl -s -o /dev/null --data-urlencode "weblog_title=Riverside Recovery" --data "user_name=admin&admin_password=carepath-admin-1&admin_password2=carepath-admin-1&pw_weak=1&admin_email=admin@example.org&blog_public=0&Submit=Install" \
    "http://localhost:$WP_PORT/wp-admin/install.php?step=2"
fi
# Each run starts with the plugin not installed and no settings (nor a
# recorded review of the clinical rules).
as_root rm -rf /var/lib/wordpress/wp-content/plugins/carepath
as_root mysql carepath_wp -e "DELETE FROM wp_options WHERE option_name IN ('carepath_settings', 'carepath_reviewed_rules', 'carepath_caps'); UPDATE wp_options SET option_value = 'a:0:{}' WHERE option_name = 'active_plugins';" 2>/dev/null || true
echo "http://localhost:$WP_PORT/"
