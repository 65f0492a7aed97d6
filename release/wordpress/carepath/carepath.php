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

/**
 * The element's schema (`carepath schema`, shipped beside this file as
 * schema.json): every attribute with its kind, default, allowed values,
 * the pattern its value must match, and its words. The plugin has no list
 * of attributes of its own: its settings, sanitizing, block and shortcode
 * all come from this.
 */
function carepath_schema() {
	static $schema = null;
	if ( null === $schema ) {
		$schema = carepath_json( __DIR__ . '/schema.json' );
		if ( ! isset( $schema['attributes'] ) ) {
			$schema = array( 'attributes' => array(), 'contrast' => array() );
		}
	}
	return $schema;
}

/** A JSON file this plugin ships, as an array (empty if unreadable). */
function carepath_json( $path ) {
	$data = is_readable( $path ) ? json_decode( (string) file_get_contents( $path ), true ) : null; // phpcs:ignore WordPress.WP.AlternativeFunctions -- a file of this plugin
	return is_array( $data ) ? $data : array();
}

/**
 * Attributes the plugin does not let a site set: it serves the widget's
 * files itself (`files`), and keeps the shadow root closed so page scripts
 * never read a visitor's answers (`shadow`).
 */
const CAREPATH_NOT_SET = array( 'files', 'shadow' );

/** The attributes a center sets (the settings page), by name. */
function carepath_attributes() {
	$out = array();
	foreach ( carepath_schema()['attributes'] as $attribute ) {
		if ( ! in_array( $attribute['name'], CAREPATH_NOT_SET, true ) ) {
			$out[ $attribute['name'] ] = $attribute;
		}
	}
	return $out;
}

/** The attributes a block or shortcode may set for one location, by name. */
function carepath_fields() {
	return array_filter(
		carepath_attributes(),
		function ( $attribute ) {
			return ! empty( $attribute['wordpress'] );
		}
	);
}

/** Words from the schema ({en: ..., es: ...}) in the site's language, else English. */
function carepath_words( $words ) {
	$lang = substr( function_exists( 'determine_locale' ) ? determine_locale() : get_locale(), 0, 2 );
	if ( isset( $words[ $lang ] ) ) {
		return $words[ $lang ];
	}
	return isset( $words['en'] ) ? $words['en'] : '';
}

/**
 * One value as the widget reads it, by the attribute's kind, allowed
 * values and pattern (the same rules, from the Rust declaration): the
 * clean value, or null when the widget would refuse it. Takes its own
 * output back unchanged (WordPress sanitizes a new option twice).
 */
function carepath_clean( $attribute, $value ) {
	$kind = $attribute['kind'];
	if ( 'flag' === $kind ) {
		return empty( $value ) ? '' : '1';
	}
	if ( 'list' === $kind ) {
		// A list from the form's checkboxes, or the saved text.
		$items = is_string( $value ) ? preg_split( '/\s+/', $value, -1, PREG_SPLIT_NO_EMPTY ) : $value;
		$items = is_array( $items ) ? array_map( 'strval', $items ) : array();
		return implode( ' ', array_values( array_intersect( $attribute['values'], $items ) ) );
	}
	$text = is_scalar( $value ) ? trim( sanitize_text_field( wp_unslash( (string) $value ) ) ) : '';
	if ( 'enum' === $kind ) {
		// remember was a checkbox ("1") before 2.1.
		if ( 'remember' === $attribute['name'] && '1' === $text ) {
			$text = 'session';
		}
		if ( '' === $text ) {
			return '';
		}
		return in_array( $text, $attribute['values'], true ) ? $text : null;
	}
	if ( '' === $text ) {
		return '';
	}
	if ( ! empty( $attribute['pattern'] ) && ! preg_match( '~' . str_replace( '~', '\\~', $attribute['pattern'] ) . '~i', $text ) ) {
		return null;
	}
	if ( 'url' === $kind ) {
		$text = esc_url_raw( $text, array( 'https', 'http', 'mailto', 'tel' ) );
	}
	// A theme value goes into CSS: nothing that could end its declaration.
	return ! empty( $attribute['css'] ) && preg_match( '/[<>{};]/', $text ) ? null : $text;
}

function carepath_settings() {
	$saved = get_option( CAREPATH_OPTION, array() );
	return is_array( $saved ) ? $saved : array();
}

/** A shipped file's SRI hash (integrity.json beside the widget's files). */
function carepath_integrity( $file ) {
	static $hashes = null;
	if ( null === $hashes ) {
		$hashes = carepath_json( __DIR__ . '/assets/carepath/' . CAREPATH_VERSION . '/integrity.json' );
	}
	return isset( $hashes[ $file ] ) ? (string) $hashes[ $file ] : '';
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
		// The widget's and the code reader's scripts under their hashes
		// (integrity.json): a changed file is refused, not run.
		$files     = array(
			'carepath'       => 'carepath.js',
			'carepath-staff' => 'staff/staff.js',
		);
		$integrity = isset( $files[ $handle ] ) ? carepath_integrity( $files[ $handle ] ) : '';
		$check     = '' !== $integrity ? sprintf( ' integrity="%s" crossorigin="anonymous"', esc_attr( $integrity ) ) : '';
		return sprintf( '<script type="module" src="%s" id="%s-js"%s></script>' . "\n", esc_url( $src ), esc_attr( $handle ), $check );
	},
	10,
	3
);

/* ---------------------------------------------------------------------
 * The element: the settings, with a block's or shortcode's overrides.
 */
/**
 * The element for a block or shortcode. `$key` names it within its post
 * (its attributes), so its id, which keys a kept place (remember), stays
 * the same however the page's blocks are ordered or rendered.
 */
function carepath_element( $overrides, $key = '' ) {
	$values = carepath_settings();
	foreach ( $overrides as $name => $value ) {
		$fields = carepath_fields();
		$clean  = isset( $fields[ $name ] ) ? carepath_clean( $fields[ $name ], $value ) : null;
		if ( null !== $clean && '' !== $clean ) {
			$values[ $name ] = $clean;
		}
	}
	$attributes = array();
	$set        = array();
	foreach ( carepath_attributes() as $name => $attribute ) {
		$value = isset( $values[ $name ] ) ? carepath_clean( $attribute, $values[ $name ] ) : '';
		// Empty, refused or the widget's own default: left out.
		if ( null === $value || '' === $value || $attribute['default'] === $value ) {
			continue;
		}
		$set[ $name ] = $value;
		if ( 'flag' === $attribute['kind'] ) {
			$attributes[] = $name;
		} elseif ( 'remember' === $name ) {
			// Each widget keeps its own place: remember needs an id, stable
			// per block (its post and attributes; a second identical block in
			// the same post gets -2), not by the order pages render in.
			static $seen = array();
			$base          = substr( md5( get_the_ID() . '|' . $key ), 0, 10 );
			$seen[ $base ] = isset( $seen[ $base ] ) ? $seen[ $base ] + 1 : 1;
			$id            = 'carepath-' . $base . ( $seen[ $base ] > 1 ? '-' . $seen[ $base ] : '' );
			$attributes[]  = sprintf( 'id="%s" remember="%s"', esc_attr( $id ), esc_attr( $value ) );
		} else {
			$attributes[] = sprintf( '%s="%s"', $name, esc_attr( $value ) );
		}
	}
	wp_enqueue_script( 'carepath' );
	// The first screen in the page's HTML (the emergency bar and the start
	// screen, shown before any script runs), with the emergency line after
	// it for browsers without declared shadow roots; else that line alone.
	$declared = carepath_declared( $set );
	if ( '' === $declared ) {
		$declared = wp_kses_post( carepath_words( carepath_schema()['fallback'] ?? array() ) );
	}
	return '<carepath-assessment ' . implode( ' ', $attributes ) . '>' . $declared . '</carepath-assessment>';
}

/**
 * The element's declared first screen for these clean values (declared.json,
 * `carepath html --templates`: the Rust screens' HTML with placeholders),
 * in the language the widget chooses for this site, or '' if the templates
 * are missing. Each value goes in escaped (esc_attr); the sentences and
 * notes are the templates' own. The plugin's root is always closed.
 */
function carepath_declared( $values ) {
	static $declared = null;
	if ( null === $declared ) {
		$declared = carepath_json( __DIR__ . '/assets/carepath/' . CAREPATH_VERSION . '/declared.json' );
	}
	if ( empty( $declared['locales'] ) ) {
		return '';
	}
	$get = function ( $name ) use ( $values ) {
		return isset( $values[ $name ] ) && '' !== $values[ $name ] ? (string) $values[ $name ] : null;
	};
	$named = $declared['attributes'];
	// The menu's languages (the `languages` attribute, else the defaults),
	// and the language: `locale` if offered, else the site's (as
	// locale="auto" follows the page's), else the first offered.
	$offered = array();
	foreach ( preg_split( '/\s+/', (string) $get( $named['offer'] ) ) as $tag ) {
		$id = carepath_language( $tag, $declared['registry'] );
		if ( null !== $id ) {
			$offered[] = $id;
		}
	}
	$ordered = array();
	foreach ( $declared['registry'] as $language ) {
		if ( in_array( $language[0], $offered, true ) ) {
			$ordered[] = $language[0];
		}
	}
	$offered = $ordered ? $ordered : $declared['defaultLanguages'];
	$locale  = carepath_language( (string) $get( $named['lang'] ), $declared['registry'] );
	if ( null === $locale || ! in_array( $locale, $offered, true ) ) {
		$site   = carepath_language( function_exists( 'determine_locale' ) ? determine_locale() : get_locale(), $declared['registry'] );
		$locale = null !== $site && in_array( $site, $offered, true ) ? $site : ( in_array( 'en', $offered, true ) ? 'en' : $offered[0] );
	}
	$words = $declared['locales'][ $locale ];
	// The privacy sentences' number, part by part as declared.
	$bits = 0;
	foreach ( $declared['bits'] as $i => $part ) {
		list( $name, $how, $given ) = $part;
		$value = $get( $name );
		$on    = 'flag' === $how ? null !== $value : ( 'is' === $how ? $given === $value : $given !== $value );
		$bits |= $on ? 1 << $i : 0;
	}
	// The center's number: already checked against the schema's pattern.
	$phone    = $get( $named['tel'] );
	$noscript = $words['noscript'][0];
	if ( null !== $phone ) {
		$noscript = str_replace(
			array( '{{tel}}', '{{phone}}' ),
			array( esc_attr( 'tel:' . preg_replace( '/[^\d+]/', '', $phone ) ), esc_html( $phone ) ),
			$words['noscript'][1]
		);
	}
	// Quick exit leaves only for an absolute https: or http: address (as the
	// widget and the loader read exit-url); anything else, the default.
	$exit = $get( $named['exit'] );
	if ( null !== $exit && ! preg_match( '~^https?://[^/?#\s<>"\\\\]+~i', $exit ) ) {
		$exit = null;
	}
	$fill = array(
		'{{mode}}'     => 'closed',
		'{{mask}}'     => '',
		'{{bits}}'     => (string) $bits,
		'{{exit}}'     => esc_attr( null !== $exit ? $exit : $declared['exitUrl'] ),
		'{{privacy}}'  => $words['privacy'][ $bits ],
		'{{noscript}}' => $noscript,
		'{{languages}}' => implode( '', array_map( function ( $id ) use ( $words ) { return $words['menu'][ $id ]; }, $offered ) ),
		'{{langs}}'    => implode( ',', $offered ),
	);
	return strtr( $words['html'], $fill );
}

/**
 * The language a tag (a locale like zh_TW, or a language id) means, as the
 * widget reads it (i18n::lookup): the exact id, then a tag a language lists
 * as also meaning it (a trailing * matches any subtags), then the same for
 * the first subtag; null if none.
 */
function carepath_language( $tag, $registry ) {
	$tag  = strtolower( str_replace( '_', '-', trim( $tag ) ) );
	$find = function ( $t ) use ( $registry ) {
		$is = function ( $p ) use ( $t ) {
			$p = strtolower( $p );
			return '*' === substr( $p, -1 ) ? strlen( $t ) > strlen( $p ) - 1 && 0 === strpos( $t, substr( $p, 0, -1 ) ) : $p === $t;
		};
		foreach ( $registry as $language ) {
			if ( $is( $language[0] ) ) {
				return $language[0];
			}
		}
		foreach ( $registry as $language ) {
			foreach ( $language[1] as $also ) {
				if ( $is( $also ) ) {
					return $language[0];
				}
			}
		}
		return null;
	};
	if ( '' === $tag ) {
		return null;
	}
	$found = $find( $tag );
	return null !== $found ? $found : $find( explode( '-', $tag )[0] );
}

function carepath_render_block( $attributes ) {
	$overrides = array();
	foreach ( carepath_fields() as $name => $field ) {
		if ( isset( $attributes[ $field['wordpress'] ] ) ) {
			$overrides[ $name ] = $attributes[ $field['wordpress'] ];
		}
	}
	return '<div class="wp-block-carepath-assessment">' . carepath_element( $overrides, 'block|' . wp_json_encode( $attributes ) ) . '</div>';
}

/** [carepath center_name="..." phone="..."]: the block's fields, by attribute name (with _ or -). */
function carepath_render_shortcode( $atts ) {
	$atts      = is_array( $atts ) ? $atts : array();
	$overrides = array();
	foreach ( array_keys( carepath_fields() ) as $name ) {
		$key = str_replace( '-', '_', $name );
		if ( isset( $atts[ $key ] ) ) {
			$overrides[ $name ] = $atts[ $key ];
		} elseif ( isset( $atts[ $name ] ) ) {
			$overrides[ $name ] = $atts[ $name ];
		}
	}
	return carepath_element( $overrides, 'shortcode|' . wp_json_encode( $atts ) );
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

/**
 * Reading callers' codes is its own capability (`carepath_read_codes`):
 * administrators and editors have it (given on activation, and once to a
 * site that had the plugin before); a site can give it to an intake role
 * of its own, or take it away.
 */
function carepath_grant_caps() {
	if ( get_option( 'carepath_caps' ) ) {
		return;
	}
	foreach ( array( 'administrator', 'editor' ) as $role_name ) {
		$role = get_role( $role_name );
		if ( $role ) {
			$role->add_cap( 'carepath_read_codes' );
		}
	}
	add_option( 'carepath_caps', 1 );
}
register_activation_hook(
	__FILE__,
	function () {
		carepath_reviewed_major();
		carepath_grant_caps();
	}
);
add_action( 'admin_init', 'carepath_grant_caps' );
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
		add_menu_page( __( 'Read a caller\'s code', 'carepath' ), __( 'Carepath codes', 'carepath' ), 'carepath_read_codes', 'carepath-codes', 'carepath_codes_page', 'dashicons-clipboard', 81 );
	}
);

/**
 * The code reader's page sends a Content-Security-Policy of its own: what
 * it shows (a caller's answers) can go nowhere but this site, whatever
 * other plugins put on admin pages (wp-admin itself needs inline scripts
 * and styles, so those stay allowed).
 */
add_action(
	'admin_init',
	function () {
		if ( isset( $_GET['page'] ) && 'carepath-codes' === $_GET['page'] && ! headers_sent() ) { // phpcs:ignore WordPress.Security.NonceVerification -- which page, nothing more
			header( "Content-Security-Policy: default-src 'self'; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https://secure.gravatar.com; font-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'self'; base-uri 'self'; object-src 'none'" );
		}
	}
);

function carepath_codes_page() {
	if ( ! current_user_can( 'carepath_read_codes' ) ) {
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

/**
 * Each attribute's value by its kind, allowed values and pattern (the
 * widget's rules, from the schema). A value the widget would refuse is not
 * saved: the setting keeps its earlier value, and the page says which.
 * The settings page also checks every value with the widget's own check()
 * before saving (a schedule's days and hours, contrast).
 */
function carepath_sanitize( $input ) {
	$input = is_array( $input ) ? $input : array();
	$saved = carepath_settings();
	$out   = array();
	foreach ( carepath_attributes() as $name => $attribute ) {
		$value = carepath_clean( $attribute, isset( $input[ $name ] ) ? $input[ $name ] : '' );
		if ( null === $value ) {
			$value = isset( $saved[ $name ] ) ? (string) $saved[ $name ] : '';
			add_settings_error(
				CAREPATH_OPTION,
				'carepath-' . $name,
				/* translators: 1: a setting's label, 2: its refused value. */
				sprintf( __( '%1$s: "%2$s" is not a value the care check can use, so it was not saved.', 'carepath' ), carepath_words( $attribute['label'] ), sanitize_text_field( wp_unslash( (string) ( is_scalar( $input[ $name ] ) ? $input[ $name ] : '' ) ) ) )
			);
		}
		$out[ $name ] = $value;
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
			<?php foreach ( carepath_attributes() as $name => $attribute ) : ?>
				<?php
				$id    = 'carepath-' . $name;
				$field = CAREPATH_OPTION . '[' . $name . ']';
				$label = carepath_words( $attribute['label'] );
				$kind  = $attribute['kind'];
				$value = '' !== $get( $name ) ? $get( $name ) : $attribute['default'];
				// The example's value (`phone="+1-555-010-0199"`) as a hint.
				$example = preg_match( '/^[\w-]+="([^"]*)"$/', $attribute['example'], $m ) ? $m[1] : '';
				?>
				<tr>
					<th scope="row">
					<?php if ( 'list' === $kind || 'flag' === $kind ) : ?>
						<?php echo esc_html( $label ); ?>
					<?php else : ?>
						<label for="<?php echo esc_attr( $id ); ?>"><?php echo esc_html( $label ); ?></label>
					<?php endif; ?>
					</th>
					<td>
					<?php if ( 'list' === $kind ) : ?>
						<fieldset id="<?php echo esc_attr( $id ); ?>" data-list="<?php echo esc_attr( $name ); ?>"><legend class="screen-reader-text"><?php echo esc_html( $label ); ?></legend>
						<?php foreach ( $attribute['values'] as $option ) : ?>
							<label><input type="checkbox" name="<?php echo esc_attr( $field ); ?>[]" value="<?php echo esc_attr( $option ); ?>" <?php checked( in_array( $option, explode( ' ', $get( $name ) ), true ) ); ?>> <?php echo esc_html( carepath_words( $attribute['value_labels'][ $option ] ) ); ?></label><br>
						<?php endforeach; ?>
						</fieldset>
					<?php elseif ( 'enum' === $kind ) : ?>
						<select id="<?php echo esc_attr( $id ); ?>" name="<?php echo esc_attr( $field ); ?>" data-attribute="<?php echo esc_attr( $name ); ?>">
						<?php foreach ( $attribute['values'] as $option ) : ?>
							<option value="<?php echo esc_attr( $option ); ?>" <?php selected( 'remember' === $name && '1' === $value ? 'session' : $value, $option ); ?>><?php echo esc_html( carepath_words( $attribute['value_labels'][ $option ] ) ); ?></option>
						<?php endforeach; ?>
						</select>
					<?php elseif ( 'flag' === $kind ) : ?>
						<label><input type="checkbox" id="<?php echo esc_attr( $id ); ?>" name="<?php echo esc_attr( $field ); ?>" value="1" data-attribute="<?php echo esc_attr( $name ); ?>" <?php checked( $get( $name ), '1' ); ?>> <?php echo esc_html( $label ); ?></label>
					<?php elseif ( 'colour' === $kind ) : ?>
						<input type="color" id="<?php echo esc_attr( $id ); ?>" name="<?php echo esc_attr( $field ); ?>" value="<?php echo esc_attr( $value ); ?>" data-attribute="<?php echo esc_attr( $name ); ?>">
					<?php else : ?>
						<input class="regular-text" id="<?php echo esc_attr( $id ); ?>" name="<?php echo esc_attr( $field ); ?>" value="<?php echo esc_attr( $get( $name ) ); ?>" placeholder="<?php echo esc_attr( $example ); ?>" data-attribute="<?php echo esc_attr( $name ); ?>"<?php echo 'url' === $kind ? ' inputmode="url"' : ''; ?>>
					<?php endif; ?>
					<?php if ( ! empty( $attribute['privacy'] ) ) : ?>
						<p class="description"><strong><?php esc_html_e( 'Privacy:', 'carepath' ); ?></strong> <?php echo esc_html( ucfirst( $attribute['privacy'] ) ); ?>.</p>
					<?php endif; ?>
						<p class="description"><?php echo esc_html( ucfirst( str_replace( '`', '', carepath_words( $attribute['description'] ) ) ) ); ?>.</p>
					</td>
				</tr>
			<?php endforeach; ?>
			</table>
			<?php submit_button(); ?>
		</form>
		<h2><?php esc_html_e( 'Preview', 'carepath' ); ?></h2>
		<carepath-assessment id="carepath-preview"></carepath-assessment>
	</div>
	<?php
}
