// The block in the editor: a placeholder (the widget runs on the page)
// and, in the sidebar, this location's overrides of the settings.
( function ( blocks, element, blockEditor, components ) {
	const el = element.createElement;
	// The block's fields: [ block attribute, label ], and for those with
	// allowed values, { block attribute: { kind, values: [ [ value, label ] ] } },
	// written in by scripts/release.sh from the element's schema (`carepath schema`).
	const FIELDS = null;
	const CHOICES = null;
	const set = function ( props, name, value ) {
		const change = {};
		change[ name ] = value;
		props.setAttributes( change );
	};
	// A list (care offered): a checkbox for each value, kept as ids
	// separated by spaces; one of a set (language): a select, empty first
	// (the settings' value).
	const control = function ( props, field ) {
		const name = field[ 0 ];
		const choice = CHOICES[ name ];
		const value = props.attributes[ name ] || '';
		if ( choice && choice.kind === 'list' ) {
			const chosen = value.split( /\s+/ ).filter( Boolean );
			return el(
				components.BaseControl,
				{ key: name, label: field[ 1 ], id: 'carepath-block-' + name },
				choice.values.map( function ( option ) {
					return el( components.CheckboxControl, {
						key: option[ 0 ],
						label: option[ 1 ],
						checked: chosen.indexOf( option[ 0 ] ) >= 0,
						onChange: function ( on ) {
							const next = choice.values
								.map( function ( o ) { return o[ 0 ]; } )
								.filter( function ( id ) { return id === option[ 0 ] ? on : chosen.indexOf( id ) >= 0; } );
							set( props, name, next.join( ' ' ) );
						},
					} );
				} )
			);
		}
		if ( choice ) {
			return el( components.SelectControl, {
				key: name,
				label: field[ 1 ],
				value: value,
				options: [ { value: '', label: '(the settings)' } ].concat(
					choice.values.map( function ( option ) { return { value: option[ 0 ], label: option[ 1 ] }; } )
				),
				onChange: function ( v ) { set( props, name, v ); },
			} );
		}
		return el( components.TextControl, {
			key: name,
			label: field[ 1 ],
			value: value,
			onChange: function ( v ) { set( props, name, v ); },
		} );
	};
	blocks.registerBlockType( 'carepath/assessment', {
		edit: function ( props ) {
			return el(
				'div',
				blockEditor.useBlockProps( { className: 'carepath-placeholder' } ),
				el(
					blockEditor.InspectorControls,
					null,
					el(
						components.PanelBody,
						{ title: 'This location (empty: the settings)' },
						FIELDS.map( function ( field ) {
							return control( props, field );
						} )
					)
				),
				el( 'p', null, 'Carepath care check: shows on the published page. In danger now? Call 911, or call or text 988.' )
			);
		},
		save: function () {
			return null;
		},
	} );
} )( window.wp.blocks, window.wp.element, window.wp.blockEditor, window.wp.components );
