<?php
// Removes the plugin's settings when the plugin is deleted.
if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}
delete_option( 'carepath_settings' );
delete_option( 'carepath_reviewed_rules' );
delete_option( 'carepath_caps' );
foreach ( array( 'administrator', 'editor' ) as $carepath_role ) {
	$carepath_role = get_role( $carepath_role );
	if ( $carepath_role ) {
		$carepath_role->remove_cap( 'carepath_read_codes' );
	}
}
