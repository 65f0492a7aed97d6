<?php
/**
 * Plugin Name:       Carepath care check
 * Description:       A private self-assessment for your center's pages: visitors see which level of addiction care fits and what it means for their week. Nothing they answer leaves their device. A block and a [carepath] shortcode.
 * Version:           @VERSION@
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT
 * Text Domain:       carepath
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

const CAREPATH_VERSION  = '@VERSION@';
const CAREPATH_OPTION   = 'carepath_settings';
const CAREPATH_REVIEWED = 'carepath_reviewed_rules';

/** The element's attributes a center sets once (the settings page) or per block. */
function carepath_fields() {
	return array(
		'center-name'         => array( 'label' => __( 'Center name', 'carepath' ), 'block' => 'centerName' ),
		'phone'               => array( 'label' => __( 'Phone', 'carepath' ), 'block' => 'phone' ),
		'contact-url'         => array( 'label' => __( 'Contact or intake page (https://...)', 'carepath' ), 'block' => 'contactUrl' ),
		'offers'              => array( 'label' => __( 'Care you offer', 'carepath' ), 'block' => 'offers' ),
		'outpatient-schedule' => array( 'label' => __( 'Outpatient schedule (e.g. Tue 6pm-7pm)', 'carepath' ), 'block' => 'outpatientSchedule' ),
		'iop-schedule'        => array( 'label' => __( 'IOP schedule (e.g. Mon-Thu 6pm-9pm)', 'carepath' ), 'block' => 'iopSchedule' ),
		'php-schedule'        => array( 'label' => __( 'PHP schedule (e.g. Mon-Fri 9am-2pm)', 'carepath' ), 'block' => 'phpSchedule' ),
		'locale'              => array( 'label' => __( 'Language', 'carepath' ), 'block' => 'locale' ),
	);
}

/** Theme attributes: name => default (colors are checked for contrast on the settings page and by the widget). */
function carepath_theme_fields() {
	return array(
		'theme-accent'      => '#12455a',
		'theme-accent-text' => '#ffffff',
		'theme-text'        => '#1b1f23',
		'theme-surface'     => '#ffffff',
		'theme-muted'       => '#4a5560',
		'theme-soft'        => '#eef3f5',
		'theme-urgent'      => '#a3140e',
		'theme-focus'       => '#b35c00',
		'theme-font'        => '',
		'theme-radius'      => '',
	);
}

const CAREPATH_OFFERS = array(
	'self_guided'                  => 'Self-guided support',
	'outpatient'                   => 'Outpatient',
	'intensive_outpatient'         => 'Intensive outpatient (IOP)',
	'partial_hospitalization'      => 'Partial hospitalization (PHP)',
	'residential'                  => 'Residential',
	'ambulatory_withdrawal'        => 'Withdrawal care with daily visits (outpatient detox)',
	'medically_managed_withdrawal' => '24-hour withdrawal care (inpatient detox)',
);

function carepath_settings() {
	$saved = get_option( CAREPATH_OPTION, array() );
	return is_array( $saved ) ? $saved : array();
}

function carepath_assets_url() {
	return plugins_url( 'assets/carepath/' . CAREPATH_VERSION . '/', __FILE__ );
}

/* ---------------------------------------------------------------------
 * Scripts: the loader as a module (script_loader_tag), never inline.
 */
add_action(
	'init',
	function () {
		wp_register_script( 'carepath', carepath_assets_url() . 'carepath.js', array(), null, true );
		wp_register_script( 'carepath-settings', plugins_url( 'settings.js', __FILE__ ), array(), CAREPATH_VERSION, true );
		wp_register_script( 'carepath-staff', carepath_assets_url() . 'staff/staff.js', array(), null, true );
		wp_register_style( 'carepath-staff', carepath_assets_url() . 'staff/staff.css', array(), null );
		register_block_type(
			__DIR__,
			array( 'render_callback' => 'carepath_render_block' )
		);
		add_shortcode( 'carepath', 'carepath_render_shortcode' );
	}
);

add_filter(
	'script_loader_tag',
	function ( $tag, $handle, $src ) {
		if ( ! in_array( $handle, array( 'carepath', 'carepath-settings', 'carepath-staff' ), true ) ) {
			return $tag;
		}
		return sprintf( '<script type="module" src="%s" id="%s-js"></script>' . "\n", esc_url( $src ), esc_attr( $handle ) );
	},
	10,
	3
);

/* ---------------------------------------------------------------------
 * The element: the settings, with a block's or shortcode's overrides.
 */
function carepath_element( $overrides ) {
	$values = carepath_settings();
	foreach ( $overrides as $name => $value ) {
		if ( is_string( $value ) && '' !== trim( $value ) ) {
			$values[ $name ] = $value;
		}
	}
	$attributes = array();
	foreach ( array_merge( array_keys( carepath_fields() ), array_keys( carepath_theme_fields() ) ) as $name ) {
		$value = isset( $values[ $name ] ) ? trim( (string) $values[ $name ] ) : '';
		$theme = carepath_theme_fields();
		if ( '' === $value || ( isset( $theme[ $name ] ) && $theme[ $name ] === $value ) ) {
			continue;
		}
		$attributes[] = sprintf( '%s="%s"', $name, esc_attr( $value ) );
	}
	if ( ! empty( $values['remember'] ) ) {
		static $n = 0;
		$n++;
		$attributes[] = sprintf( 'id="carepath-%d" remember="session"', $n );
	}
	foreach ( array( 'share-progress', 'share-result', 'share-answers' ) as $flag ) {
		if ( ! empty( $values[ $flag ] ) ) {
			$attributes[] = $flag;
		}
	}
	wp_enqueue_script( 'carepath' );
	return '<carepath-assessment ' . implode( ' ', $attributes ) . '></carepath-assessment>';
}

function carepath_render_block( $attributes ) {
	$overrides = array();
	foreach ( carepath_fields() as $name => $field ) {
		if ( isset( $attributes[ $field['block'] ] ) ) {
			$overrides[ $name ] = $attributes[ $field['block'] ];
		}
	}
	return '<div class="wp-block-carepath-assessment">' . carepath_element( $overrides ) . '</div>';
}

function carepath_render_shortcode( $atts ) {
	$atts = is_array( $atts ) ? $atts : array();
	$overrides = array();
	foreach ( array_keys( carepath_fields() ) as $name ) {
		$key = str_replace( '-', '_', $name );
		if ( isset( $atts[ $key ] ) ) {
			$overrides[ $name ] = $atts[ $key ];
		} elseif ( isset( $atts[ $name ] ) ) {
			$overrides[ $name ] = $atts[ $name ];
		}
	}
	return carepath_element( $overrides );
}

/* ---------------------------------------------------------------------
 * Clinical rules and updates. The plugin's major version is the version
 * of the assessment's clinical contract (its questions and rules): the
 * rules a center's clinical director signs off. The plugin carries one
 * version, so an update across a major version changes the rules on
 * every page; it is never silent: WordPress never installs one
 * automatically, and after one the administrators see what changed and
 * what to re-review until one of them confirms that the clinical
 * director has.
 */

/** This plugin's major version (the contract's): 2 for 2.x. */
function carepath_major() {
	return (int) CAREPATH_VERSION;
}

/**
 * What each major version changed in the clinical rules, for the notice
 * after an update: major => the contract version and the changes.
 */
function carepath_rules_changes() {
	return array(
		2 => array(
			'contract' => 'v4',
			'changes'  => array(
				__( '24-hour withdrawal care (inpatient detox) is only suggested for substances whose withdrawal can kill: alcohol, sedatives, "other" drugs, and opioids for people not on methadone or buprenorphine.', 'carepath' ),
				__( 'A severe withdrawal history with stimulants or cannabis alone now means: see a doctor soon, and at least outpatient care.', 'carepath' ),
				__( 'Pregnancy: any withdrawal symptoms mean see a doctor first and at least outpatient care; daily use means at least outpatient care.', 'carepath' ),
				__( 'An unstable health problem now counts as another risk (it can raise the level of care).', 'carepath' ),
				__( 'An unsafe or unstable home always flags housing for afterwards, also with residential care.', 'carepath' ),
				__( 'Answering "no substances" and skipping the list of signs never suggests a disorder.', 'carepath' ),
				__( 'After an emergency, the estimate is never self-guided help (at least outpatient care).', 'carepath' ),
				__( 'People on methadone or buprenorphine always get naloxone advice.', 'carepath' ),
				__( 'Daily use of "other" drugs warns before stopping.', 'carepath' ),
				__( 'New advice for people answering for someone else: family support (family programs, Al-Anon or Nar-Anon, naloxone at home).', 'carepath' ),
				__( 'Reference codes now carry the language and are 15 characters. Older codes still read exactly under Carepath codes, with the estimate the visitor saw.', 'carepath' ),
				__( 'Spanish: the link to text 988 is prefilled with AYUDA.', 'carepath' ),
			),
		),
	);
}

/** Whether this site used Carepath before (a version that recorded no review). */
function carepath_used_before() {
	global $wpdb;
	if ( false !== get_option( CAREPATH_OPTION, false ) ) {
		return true;
	}
	$found = $wpdb->get_var(
		$wpdb->prepare(
			"SELECT ID FROM {$wpdb->posts} WHERE post_status <> 'auto-draft' AND ( post_content LIKE %s OR post_content LIKE %s ) LIMIT 1",
			'%' . $wpdb->esc_like( '<!-- wp:carepath/assessment' ) . '%',
			'%' . $wpdb->esc_like( '[carepath' ) . '%'
		)
	);
	return null !== $found;
}

/**
 * The major version whose rules this center's clinical director last
 * reviewed. Recorded the first time a version that records it runs: a
 * site that already used Carepath ran 1.x (which recorded nothing), so
 * its director reviewed the 1.x rules; a new site starts on this
 * version's rules (its director signs them off before going live).
 */
function carepath_reviewed_major() {
	$reviewed = get_option( CAREPATH_REVIEWED, false );
	if ( false === $reviewed ) {
		$reviewed = carepath_used_before() ? 1 : carepath_major();
		add_option( CAREPATH_REVIEWED, $reviewed );
	}
	return (int) $reviewed;
}

register_activation_hook( __FILE__, 'carepath_reviewed_major' );
add_action(
	'admin_init',
	function () {
		carepath_reviewed_major();
	}
);

/** WordPress never installs an update to another major version (other clinical rules) by itself. */
add_filter(
	'auto_update_plugin',
	function ( $update, $item ) {
		if ( is_object( $item ) && isset( $item->plugin, $item->new_version )
			&& plugin_basename( __FILE__ ) === $item->plugin
			&& (int) $item->new_version !== carepath_major() ) {
			return false;
		}
		return $update;
	},
	10,
	2
);

/** After an update across a major version: what changed, until an administrator confirms the re-review. */
add_action(
	'admin_notices',
	function () {
		if ( ! current_user_can( 'manage_options' ) ) {
			return;
		}
		$major    = carepath_major();
		$reviewed = carepath_reviewed_major();
		if ( $major < 1 || $reviewed >= $major ) {
			return;
		}
		$contract = '';
		$changes  = array();
		foreach ( carepath_rules_changes() as $version => $entry ) {
			if ( $version > $reviewed && $version <= $major ) {
				$contract = $entry['contract'];
				$changes  = array_merge( $changes, $entry['changes'] );
			}
		}
		?>
		<div class="notice notice-warning carepath-rules-notice">
			<p><strong>
			<?php
			/* translators: 1: this plugin's version, 2: the major version the clinical director reviewed, 3: the contract version. */
			echo esc_html( sprintf( __( 'Carepath %1$s estimates care with new clinical rules: not the %2$d.x rules your clinical director signed off, but the rules of assessment contract %3$s. They apply on every page with the care check.', 'carepath' ), CAREPATH_VERSION, $reviewed, $contract ) );
			?>
			</strong></p>
			<p><?php esc_html_e( 'Have your clinical director re-review them: Dashboard > Carepath codes prints every question and the whole decision table. Until they are approved, you can go back to the earlier plugin zip (Plugins > Add New > Upload Plugin, then replace). What changed:', 'carepath' ); ?></p>
			<ul class="ul-disc">
			<?php foreach ( $changes as $change ) : ?>
				<li><?php echo esc_html( $change ); ?></li>
			<?php endforeach; ?>
			</ul>
			<form method="post" action="<?php echo esc_url( admin_url( 'admin-post.php' ) ); ?>">
				<input type="hidden" name="action" value="carepath_rules_reviewed">
				<?php wp_nonce_field( 'carepath_rules_reviewed', 'carepath_nonce' ); ?>
				<p><button type="submit" class="button button-primary" id="carepath-rules-reviewed">
				<?php
				/* translators: %s: this plugin's major version. */
				echo esc_html( sprintf( __( 'Our clinical director has re-reviewed and approved the %s.x rules', 'carepath' ), $major ) );
				?>
				</button></p>
			</form>
		</div>
		<?php
	}
);

add_action(
	'admin_post_carepath_rules_reviewed',
	function () {
		if ( ! current_user_can( 'manage_options' ) ) {
			wp_die( esc_html__( 'Only an administrator can confirm the review of the clinical rules.', 'carepath' ), '', array( 'response' => 403 ) );
		}
		check_admin_referer( 'carepath_rules_reviewed', 'carepath_nonce' );
		update_option( CAREPATH_REVIEWED, carepath_major() );
		$back = wp_get_referer();
		wp_safe_redirect( $back ? $back : admin_url() );
		exit;
	}
);

/* ---------------------------------------------------------------------
 * Settings page.
 */
add_action(
	'admin_menu',
	function () {
		add_options_page( __( 'Carepath care check', 'carepath' ), __( 'Carepath', 'carepath' ), 'manage_options', 'carepath', 'carepath_settings_page' );
	}
);

/* ---------------------------------------------------------------------
 * The code reader for intake staff (Dashboard > Carepath codes): a
 * visitor's reference code in, their answers, the estimate they saw and
 * why out, with this center's settings. It runs in the browser: the code
 * is never sent to WordPress or stored.
 */
add_action(
	'admin_menu',
	function () {
		add_menu_page( __( 'Read a caller\'s code', 'carepath' ), __( 'Carepath codes', 'carepath' ), 'edit_posts', 'carepath-codes', 'carepath_codes_page', 'dashicons-clipboard', 81 );
	}
);

function carepath_codes_page() {
	if ( ! current_user_can( 'edit_posts' ) ) {
		return;
	}
	wp_enqueue_style( 'carepath-staff' );
	wp_enqueue_script( 'carepath-staff' );
	$values     = carepath_settings();
	$attributes = array();
	foreach ( array_keys( carepath_fields() ) as $name ) {
		$value = isset( $values[ $name ] ) ? trim( (string) $values[ $name ] ) : '';
		if ( '' !== $value ) {
			$attributes[] = sprintf( '%s="%s"', $name, esc_attr( $value ) );
		}
	}
	?>
	<div class="wrap">
		<carepath-staff <?php echo implode( ' ', $attributes ); // phpcs:ignore WordPress.Security.EscapeOutput -- each value escaped above ?>>
			<h1><?php esc_html_e( 'Read a caller\'s code', 'carepath' ); ?></h1>
			<p class="cps-loading"><?php esc_html_e( 'Loading the code reader. If a caller is in danger now, tell them to call 911, or call or text 988.', 'carepath' ); ?></p>
		</carepath-staff>
	</div>
	<?php
}

add_action(
	'admin_init',
	function () {
		register_setting(
			'carepath',
			CAREPATH_OPTION,
			array(
				'type'              => 'array',
				'sanitize_callback' => 'carepath_sanitize',
				'default'           => array(),
			)
		);
		if ( function_exists( 'wp_add_privacy_policy_content' ) ) {
			wp_add_privacy_policy_content(
				'Carepath care check',
				wp_kses_post(
					'<p>' . __( 'Our care check runs in your browser. What you answer stays on your device: it is not sent to this site or to anyone else, and no cookies are set. If you choose to keep your place, your answers are kept in your browser until you close the tab. If you call us or use our contact form, we only learn what you choose to tell us.', 'carepath' ) . '</p>'
				)
			);
		}
	}
);

/** Keeps known fields as plain text; the settings page checks each value with the widget's own rules before saving. */
function carepath_sanitize( $input ) {
	$input = is_array( $input ) ? $input : array();
	$out   = array();
	foreach ( array_keys( carepath_fields() ) as $name ) {
		if ( 'offers' === $name ) {
			// A list from the form, or the saved text: WordPress sanitizes a new
			// option twice (update_option, then add_option), so this must take
			// its own output back unchanged.
			$offers = isset( $input['offers'] ) ? $input['offers'] : array();
			if ( is_string( $offers ) ) {
				$offers = preg_split( '/\s+/', $offers, -1, PREG_SPLIT_NO_EMPTY );
			}
			$offers        = is_array( $offers ) ? $offers : array();
			$out['offers'] = implode( ' ', array_values( array_intersect( array_keys( CAREPATH_OFFERS ), $offers ) ) );
			continue;
		}
		$out[ $name ] = isset( $input[ $name ] ) ? sanitize_text_field( wp_unslash( $input[ $name ] ) ) : '';
	}
	if ( '' !== $out['contact-url'] ) {
		$out['contact-url'] = esc_url_raw( $out['contact-url'], array( 'https', 'http', 'mailto', 'tel' ) );
	}
	if ( ! in_array( $out['locale'], array( 'auto', 'en', 'es' ), true ) ) {
		$out['locale'] = 'auto';
	}
	foreach ( carepath_theme_fields() as $name => $default ) {
		$value        = isset( $input[ $name ] ) ? sanitize_text_field( wp_unslash( $input[ $name ] ) ) : '';
		$out[ $name ] = preg_match( '/[;{}<>]/', $value ) ? $default : $value;
	}
	foreach ( array( 'remember', 'share-progress', 'share-result', 'share-answers' ) as $flag ) {
		$out[ $flag ] = empty( $input[ $flag ] ) ? '' : '1';
	}
	if ( '' === $out['share-result'] ) {
		$out['share-answers'] = '';
	}
	return $out;
}

function carepath_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	$v = carepath_settings();
	$get = function ( $name ) use ( $v ) {
		return isset( $v[ $name ] ) ? $v[ $name ] : '';
	};
	wp_enqueue_script( 'carepath-settings' );
	wp_enqueue_script( 'carepath' );
	?>
	<div class="wrap">
		<h1><?php esc_html_e( 'Carepath care check', 'carepath' ); ?></h1>
		<p><?php esc_html_e( 'These settings apply to every Carepath block and [carepath] shortcode; a block can override the center details (for centers with several locations).', 'carepath' ); ?></p>
		<div id="carepath-problems" role="alert" aria-live="polite"></div>
		<form method="post" action="options.php" id="carepath-form">
			<?php settings_fields( 'carepath' ); ?>
			<table class="form-table" role="presentation">
			<?php foreach ( carepath_fields() as $name => $field ) : ?>
				<tr>
					<th scope="row"><label for="carepath-<?php echo esc_attr( $name ); ?>"><?php echo esc_html( $field['label'] ); ?></label></th>
					<td>
					<?php if ( 'offers' === $name ) : ?>
						<fieldset id="carepath-offers"><legend class="screen-reader-text"><?php echo esc_html( $field['label'] ); ?></legend>
						<?php foreach ( CAREPATH_OFFERS as $id => $label ) : ?>
							<label><input type="checkbox" name="<?php echo esc_attr( CAREPATH_OPTION ); ?>[offers][]" value="<?php echo esc_attr( $id ); ?>" <?php checked( in_array( $id, explode( ' ', $get( 'offers' ) ), true ) ); ?>> <?php echo esc_html( $label ); ?></label><br>
						<?php endforeach; ?>
						</fieldset>
					<?php elseif ( 'locale' === $name ) : ?>
						<select id="carepath-locale" name="<?php echo esc_attr( CAREPATH_OPTION ); ?>[locale]" data-attribute="locale">
							<option value="auto" <?php selected( $get( 'locale' ), 'auto' ); ?>><?php esc_html_e( 'Follow the page, then the browser', 'carepath' ); ?></option>
							<option value="en" <?php selected( $get( 'locale' ), 'en' ); ?>>English</option>
							<option value="es" <?php selected( $get( 'locale' ), 'es' ); ?>>Español</option>
						</select>
					<?php else : ?>
						<input class="regular-text" id="carepath-<?php echo esc_attr( $name ); ?>" name="<?php echo esc_attr( CAREPATH_OPTION . '[' . $name . ']' ); ?>" value="<?php echo esc_attr( $get( $name ) ); ?>" data-attribute="<?php echo esc_attr( $name ); ?>">
					<?php endif; ?>
					</td>
				</tr>
			<?php endforeach; ?>
			<?php foreach ( carepath_theme_fields() as $name => $default ) : ?>
				<tr>
					<th scope="row"><label for="carepath-<?php echo esc_attr( $name ); ?>"><?php echo esc_html( ucfirst( str_replace( array( 'theme-', '-' ), array( '', ' ' ), $name ) ) ); ?></label></th>
					<td><input id="carepath-<?php echo esc_attr( $name ); ?>" name="<?php echo esc_attr( CAREPATH_OPTION . '[' . $name . ']' ); ?>" value="<?php echo esc_attr( '' !== $get( $name ) ? $get( $name ) : $default ); ?>" data-attribute="<?php echo esc_attr( $name ); ?>" <?php echo '' !== $default ? 'type="color"' : 'class="regular-text"'; ?>></td>
				</tr>
			<?php endforeach; ?>
				<tr>
					<th scope="row"><?php esc_html_e( 'Privacy', 'carepath' ); ?></th>
					<td><fieldset>
						<label><input type="checkbox" name="<?php echo esc_attr( CAREPATH_OPTION ); ?>[remember]" value="1" <?php checked( $get( 'remember' ), '1' ); ?>> <?php esc_html_e( 'Keep the visitor\'s place if they reload (in their browser, until the tab closes).', 'carepath' ); ?></label><br>
						<label><input type="checkbox" name="<?php echo esc_attr( CAREPATH_OPTION ); ?>[share-progress]" value="1" <?php checked( $get( 'share-progress' ), '1' ); ?>> <?php esc_html_e( 'Tell this site\'s scripts which questions a visitor reaches. Warning: this is health information (which questions are asked reveals answers).', 'carepath' ); ?></label><br>
						<label><input type="checkbox" name="<?php echo esc_attr( CAREPATH_OPTION ); ?>[share-result]" value="1" <?php checked( $get( 'share-result' ), '1' ); ?>> <?php esc_html_e( 'Tell this site\'s scripts the result. Warning: health information; only with the visitor\'s consent and a HIPAA-ready system.', 'carepath' ); ?></label><br>
						<label><input type="checkbox" name="<?php echo esc_attr( CAREPATH_OPTION ); ?>[share-answers]" value="1" <?php checked( $get( 'share-answers' ), '1' ); ?>> <?php esc_html_e( 'Also the answers (needs the result).', 'carepath' ); ?></label>
					</fieldset></td>
				</tr>
			</table>
			<?php submit_button(); ?>
		</form>
		<h2><?php esc_html_e( 'Preview', 'carepath' ); ?></h2>
		<carepath-assessment id="carepath-preview"></carepath-assessment>
	</div>
	<?php
}
