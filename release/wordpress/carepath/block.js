// The block in the editor: a placeholder (the widget runs on the page)
// and, in the sidebar, this location's overrides of the settings.
( function ( blocks, element, blockEditor, components ) {
	const el = element.createElement;
	// The block's fields: [ block attribute, label ], written in by
	// scripts/release.sh from the element's schema (`carepath schema`).
	const FIELDS = null;
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
							return el( components.TextControl, {
								key: field[ 0 ],
								label: field[ 1 ],
								value: props.attributes[ field[ 0 ] ] || '',
								onChange: function ( value ) {
									const change = {};
									change[ field[ 0 ] ] = value;
									props.setAttributes( change );
								},
							} );
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
