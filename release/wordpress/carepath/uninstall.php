<?php
// Removes the plugin's settings when the plugin is deleted.
if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}
delete_option( 'carepath_settings' );
delete_option( 'carepath_reviewed_rules' );
